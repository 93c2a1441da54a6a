import { useEffect, useRef, useState } from 'react';
import type { RequestError } from '../../api/errors';
import { useQuery, useSubscription } from '../../api/hooks';
import { ErrorLine, Panel } from '../../components/ui';
import type { MessageInput } from '../../gql/graphql';
import { Composer } from './composer';
import type { Attachment } from './image-attachment';
import type { SentMessage } from './live-turn';
import { SessionDocument, SessionTurnsDocument } from './playground-documents';
import { type RequestSettings, readSettings } from './request-settings';
import { ToolResults, type ToolCallToAnswer } from './tool-results';
import { Transcript, type TurnExtras } from './transcript';
import { useTurn } from './use-turn';

/**
 * The session's history and a prompt box. Each turn sends only its new messages: the session
 * holds the history (the gateway sends it upstream and appends the turn once it succeeded), so
 * tool results go out as TOOL messages after the stored answer that asked for them. The system
 * prompt is sent when it differs from the session's last system message.
 */
export function Conversation({
  sessionId,
  settings,
  onRequestError,
}: {
  sessionId: string;
  settings: RequestSettings;
  onRequestError(error: RequestError | null): void;
}) {
  const history = useQuery(SessionDocument, { id: sessionId });
  const [extras, setExtras] = useState(() => new Map<string, TurnExtras>());
  const list = useRef<HTMLOListElement>(null);
  const { turn, error, busy, start, cancel } = useTurn((ended) => {
    const id = ended.generationId;
    const image = ended.sent.find((m) => m.image)?.image;
    if (id && (image || ended.reasoning)) setExtras((all) => new Map(all).set(id, { image, reasoning: ended.reasoning }));
    history.refetch();
  });
  const report = useRef(onRequestError);
  report.current = onRequestError;
  useEffect(() => report.current(error), [error]);

  // A turn stored by another tab or client on this session shows here too.
  useSubscription(SessionTurnsDocument, {}, ({ usageUpdated }) => {
    if (usageUpdated.sessionId === sessionId && usageUpdated.status === 'SUCCEEDED') history.refetch();
  });

  const generations = new Map((history.data?.generations.edges ?? []).map(({ node }) => [node.id, node]));
  const messages = history.data?.session?.messages ?? [];
  const last = messages.at(-1);
  const pending: ToolCallToAnswer[] =
    last?.role === 'assistant' && last.generationId ? (generations.get(last.generationId)?.toolCalls ?? []) : [];
  const { input, errors } = readSettings(settings);
  const blocked = Object.keys(errors).length
    ? 'Fix the settings marked in red to send.'
    : pending.length
      ? 'Answer the tool calls first (Send results), or start a new session.'
      : null;

  const run = (fresh: MessageInput[], sent: SentMessage[]) => start({ sessionId, messages: fresh, ...input }, sent);

  const send = (prompt: string, image: Attachment | null) => {
    const fresh: MessageInput[] = [];
    const sent: SentMessage[] = [];
    const system = settings.system.trim();
    const lastSystem = [...messages].reverse().find((m) => m.role === 'system')?.content;
    if (system && system !== lastSystem) {
      fresh.push({ role: 'SYSTEM', content: system });
      sent.push({ role: 'system', text: system });
    }
    fresh.push(
      image
        ? { role: 'USER', parts: [...(prompt ? [{ text: prompt }] : []), { imageUrl: { url: image.dataUrl } }] }
        : { role: 'USER', content: prompt },
    );
    sent.push({ role: 'user', text: prompt, ...(image ? { image: image.dataUrl } : {}) });
    run(fresh, sent);
  };

  const sendResults = (results: { call: ToolCallToAnswer; content: string }[]) =>
    run(
      results.map(({ call, content }) => ({ role: 'TOOL', toolCallId: call.id, content })),
      results.map(({ call, content }) => ({ role: 'tool', label: call.name, text: content })),
    );

  return (
    <Panel title="Conversation">
      <ErrorLine error={history.error} />
      <Transcript messages={messages} generations={generations} extras={extras} turn={turn} list={list} />
      {pending.length && !busy ? (
        <ToolResults key={last?.generationId} calls={pending} disabled={Object.keys(errors).length > 0} onSend={sendResults} />
      ) : null}
      <Composer
        streaming={turn?.state === 'streaming'}
        waiting={busy && turn?.state !== 'streaming'}
        blocked={blocked}
        onSend={send}
        onStop={() => void cancel()}
      />
      <ErrorLine error={error} />
    </Panel>
  );
}
