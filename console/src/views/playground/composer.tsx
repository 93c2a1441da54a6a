import { type FormEvent, useState } from 'react';
import { type Attachment, IMAGE_TYPES, kb, readImage } from './image-attachment';

/**
 * The prompt box: a message, optionally an image (shown as a thumbnail until sent), Send — or Stop
 * while an answer streams. `blocked` says why sending is not possible now (nothing when it is).
 */
export function Composer({
  streaming,
  waiting,
  blocked,
  onSend,
  onStop,
}: {
  streaming: boolean;
  /** A stopped turn waits for its stored record. */
  waiting: boolean;
  blocked: string | null;
  onSend(prompt: string, image: Attachment | null): void;
  onStop(): void;
}) {
  const [prompt, setPrompt] = useState('');
  const [image, setImage] = useState<Attachment | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const ready = (prompt.trim() !== '' || image !== null) && !blocked && !waiting;

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || streaming) return;
    onSend(prompt.trim(), image);
    setPrompt('');
    setImage(null);
  };
  const attach = async (file: File | undefined) => {
    setImageError(null);
    if (!file) return;
    try {
      setImage(await readImage(file));
    } catch (error) {
      setImage(null);
      setImageError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <form className="composer" onSubmit={send}>
      <div className="prompt">
        <textarea
          name="prompt"
          rows={3}
          value={prompt}
          placeholder="Ask something (Enter sends, Shift+Enter for a new line)"
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) send(e);
          }}
        />
        <div className="prompt-actions">
          <label className="button secondary" title="Attach an image (PNG, JPEG, GIF or WebP, at most 700 KB)">
            Image…
            <input
              type="file"
              name="image"
              accept={IMAGE_TYPES.join(',')}
              hidden
              onChange={(e) => {
                void attach(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
          {streaming ? (
            <button key="stop" type="button" className="danger" onClick={onStop}>
              Stop
            </button>
          ) : (
            <button key="send" type="submit" disabled={!ready}>
              Send
            </button>
          )}
        </div>
      </div>
      {image ? (
        <div className="attachment" data-testid="attachment">
          <img className="thumbnail" src={image.dataUrl} alt={image.name} />
          <span>
            {image.name} <span className="sub">{kb(image.bytes)}</span>
          </span>
          <button type="button" className="link" onClick={() => setImage(null)}>
            remove
          </button>
        </div>
      ) : null}
      {imageError ? (
        <p className="error" role="alert" data-testid="image-error">
          {imageError}
        </p>
      ) : null}
      {blocked ? (
        <p className="sub" data-testid="send-blocked">
          {blocked}
        </p>
      ) : null}
    </form>
  );
}
