import type { FilePart, UserContentPart } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import type { DocumentBlock, DocumentFormat, ImageBlock, ImageFormat, UserContentBlock } from './bedrock-wire.js';

/** @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageBlock.html */
const IMAGE_FORMATS: Readonly<Record<string, ImageFormat>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html */
const DOCUMENT_FORMATS: Readonly<Record<string, DocumentFormat>> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

/** A base64 data URL's media type and data, or an InvalidInputError naming `path`. */
function dataUrl(url: string, path: string, example: string): { mediaType: string; data: string } {
  const comma = url.indexOf(',');
  const [mediaType = '', ...params] = url.slice('data:'.length, Math.max(comma, 0)).split(';');
  if (!url.startsWith('data:') || comma < 0 || !params.includes('base64'))
    throw InvalidInputError.forField(path, `Bedrock takes only base64 data URLs (${example})`);
  return { mediaType: mediaType.toLowerCase(), data: url.slice(comma + 1) };
}

function imageBlock(url: string, path: string): ImageBlock {
  if (/^https?:\/\//i.test(url))
    throw InvalidInputError.forField(path, "Bedrock's Converse takes images only as bytes: send a base64 data URL, not an https:// URL");
  const { mediaType, data } = dataUrl(url, path, 'data:image/png;base64,…');
  const format = IMAGE_FORMATS[mediaType];
  if (!format) throw InvalidInputError.forField(path, 'Bedrock takes images as PNG, JPEG, GIF or WebP');
  return { image: { format, source: { bytes: data } } };
}

/**
 * A document's name as Converse allows it (letters, digits, single spaces, hyphens, parentheses,
 * square brackets): the file name without its extension, other characters replaced by hyphens.
 */
export function documentName(filename: string | undefined, fallback: string): string {
  const stem = (filename ?? '').replace(/\.[^.]*$/, '');
  const name = stem
    .replace(/[^A-Za-z0-9\s\-()[\]]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return name || fallback;
}

function documentBlock(part: FilePart, path: string, index: number): DocumentBlock {
  if (part.data === undefined)
    throw InvalidInputError.forField(`${path}.fileId`, 'Bedrock takes files only as base64 data URLs, not file ids');
  const { mediaType, data } = dataUrl(part.data, `${path}.data`, 'data:application/pdf;base64,…');
  const format = DOCUMENT_FORMATS[mediaType];
  if (!format)
    throw InvalidInputError.forField(
      `${path}.data`,
      `Bedrock takes documents as ${Object.keys(DOCUMENT_FORMATS).join(', ')} (got ${mediaType || 'no type'})`,
    );
  return { document: { format, name: documentName(part.filename, `document ${index + 1}`), source: { bytes: data } } };
}

/**
 * A user message's parts as Converse content blocks: text (empty text left out: Converse refuses
 * blank text), images as bytes, files as document blocks; audio is refused (admission refuses it
 * for the bedrock kind; this guards a caller that skipped it).
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
 */
export function userContent(content: string | readonly UserContentPart[], i: number): UserContentBlock[] {
  if (typeof content === 'string') return content ? [{ text: content }] : [];
  let documents = 0;
  return content.flatMap((part, j): UserContentBlock[] => {
    const path = `messages.${i}.content.${j}`;
    switch (part.type) {
      case 'text':
        return part.text ? [{ text: part.text }] : [];
      case 'image':
        return [imageBlock(part.url, `${path}.url`)];
      case 'file':
        return [documentBlock(part, path, documents++)];
      default:
        throw InvalidInputError.forField(path, `Bedrock's Converse takes no ${part.type} parts`);
    }
  });
}
