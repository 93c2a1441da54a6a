/**
 * The largest image the playground attaches. A request to the gateway is at most 1 MiB and base64
 * makes an image a third larger: 700 KB of image is about 933 KB sent, which leaves room for the
 * rest of the request.
 */
export const MAX_IMAGE_BYTES = 700 * 1024;

/** The image types the gateway takes as a data URL. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export interface Attachment {
  name: string;
  bytes: number;
  /** `data:image/…;base64,…`: what the USER message's imageUrl part carries. */
  dataUrl: string;
}

/** A size as the attachment line shows it. */
export const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;

/** The file as a data URL, or an error saying why it cannot be attached. */
export function readImage(file: File): Promise<Attachment> {
  if (!IMAGE_TYPES.includes(file.type))
    return Promise.reject(new Error(`${file.name} is not a PNG, JPEG, GIF or WebP image (it is ${file.type || 'of an unknown type'})`));
  if (file.size > MAX_IMAGE_BYTES)
    return Promise.reject(
      new Error(
        `${file.name} is ${kb(file.size)}: attach an image of at most ${kb(MAX_IMAGE_BYTES)} (a request to the gateway is at most 1 MiB, and base64 makes an image a third larger)`,
      ),
    );
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, bytes: file.size, dataUrl: String(reader.result) });
    reader.onerror = () => reject(new Error(`${file.name} could not be read`));
    reader.readAsDataURL(file);
  });
}
