import { integer, usd } from '../../components/format';
import type { PlaygroundGenerationFragment } from '../../gql/graphql';

/** Arguments as JSON laid out for reading; as written while they are incomplete or not JSON. */
function readable(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args;
  }
}

/** The tool calls of an answer: each name, and its arguments (growing while they stream). */
export function ToolCalls({
  calls,
  streaming,
}: {
  calls: { id: string | null; name: string | null; arguments: string }[];
  streaming?: boolean;
}) {
  if (!calls.length) return null;
  return (
    <ul className="tool-calls">
      {calls.map((call, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a call's place is its identity while it streams (its id comes with its first fragment)
        <li key={i} className="tool-call" data-testid="tool-call">
          <div className="tool-call-head">
            <span className="badge info">tool call</span> <code data-testid="tool-call-name">{call.name ?? '…'}</code>
            {call.id ? <span className="sub"> {call.id}</span> : null}
          </div>
          <pre data-testid="tool-call-arguments">
            {streaming ? call.arguments : readable(call.arguments)}
            {streaming ? <span className="cursor">▍</span> : null}
          </pre>
        </li>
      ))}
    </ul>
  );
}

/** What the model thought before answering, folded away (open while it streams). */
export function Thinking({ text, streaming }: { text: string; streaming?: boolean }) {
  if (!text) return null;
  return (
    <details className="thinking" data-testid="thinking" open={streaming}>
      <summary>thinking{streaming ? '…' : ` (${text.length.toLocaleString('en-US')} characters)`}</summary>
      <div className="thinking-text">{text}</div>
    </details>
  );
}

/** The usage of an answer broken down as it is priced, with what it cost. */
export function UsageLine({ generation }: { generation: Pick<PlaygroundGenerationFragment, 'usage' | 'costUsd'> }) {
  const u = generation.usage;
  return (
    <div className="usage" data-testid="usage">
      <span title="input tokens: cached ones (read from the prompt cache) and cache writes included" data-testid="usage-input">
        in <strong>{integer(u.inputTokens)}</strong>{' '}
        <span className="sub">
          (cached {integer(u.cachedInputTokens)}, cache write {integer(u.cacheWriteTokens)})
        </span>
      </span>
      <span title="output tokens, reasoning ones included" data-testid="usage-output">
        out <strong>{integer(u.outputTokens)}</strong> <span className="sub">(reasoning {integer(u.reasoningTokens)})</span>
      </span>
      {u.estimated ? (
        <span className="badge warn" title="the vendor reported no usage: the gateway counted the tokens">
          estimated
        </span>
      ) : null}
      <strong data-testid="usage-cost">{usd(generation.costUsd)}</strong>
    </div>
  );
}

/** An image sent with a message. */
export function Thumbnail({ src }: { src: string }) {
  return <img className="thumbnail" src={src} alt="attached" data-testid="sent-image" />;
}
