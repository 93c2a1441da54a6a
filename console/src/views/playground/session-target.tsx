import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from '../../api/hooks';
import type { ModelChoicesQuery, SwitchAppliedFragment } from '../../gql/graphql';
import { ms, when } from '../../components/format';
import { ErrorLine, Panel } from '../../components/ui';
import { ModelSwitchedDocument, SessionDocument, SwitchModelDocument } from './playground-documents';
import { TargetPicker, type Target, targetInput, targetLabel } from './target-picker';

interface Current {
  revision: number;
  label: string;
}

/**
 * The session's model or pool, kept live by `modelSwitched`: a switch made here, in another tab
 * or by another client shows at once. Events at or below the revision already shown are dropped.
 */
export function SessionTarget({ sessionId, choices }: { sessionId: string; choices: ModelChoicesQuery | null }) {
  const session = useQuery(SessionDocument, { id: sessionId });
  const [live, setLive] = useState<Current | null>(null);
  const [log, setLog] = useState<SwitchAppliedFragment[]>([]);
  const [target, setTarget] = useState<Target | null>(null);
  const [confirmed, setConfirmed] = useState<SwitchAppliedFragment | null>(null);
  const switchModel = useMutation(SwitchModelDocument);

  const loaded = session.data?.session;
  const shown: Current | null =
    live && (!loaded || live.revision >= loaded.revision)
      ? live
      : loaded
        ? { revision: loaded.revision, label: targetLabel(loaded) }
        : null;
  const apply = (s: SwitchAppliedFragment) => {
    setLive((now) => (now && now.revision >= s.revision ? now : { revision: s.revision, label: targetLabel(s) }));
    setLog((all) => (all.some((x) => x.revision === s.revision) ? all : [s, ...all].slice(0, 10)));
  };
  const liveError = useSubscription(ModelSwitchedDocument, { sessionId }, ({ modelSwitched }) => apply(modelSwitched));

  const submit = async () => {
    if (!target) return;
    const result = await switchModel.run({ input: { sessionId, ...targetInput(target) } });
    if (!result) return;
    setConfirmed(result.switchModel);
    apply(result.switchModel);
  };

  if (session.data && !loaded) return <p className="error">No session {sessionId} that this key may see.</p>;
  return (
    <Panel title="Model">
      <ErrorLine error={session.error ?? liveError} />
      <p className="current-target">
        Session <code>{sessionId}</code> uses <strong data-testid="current-model">{shown?.label ?? '…'}</strong>
        <span className="sub" data-testid="revision">
          {' '}
          revision {shown?.revision ?? '…'}
        </span>
      </p>
      <div className="switcher">
        <TargetPicker choices={choices} value={target} onChange={setTarget} name="switch-target" />
        <button type="button" onClick={submit} disabled={!target || switchModel.running}>
          Switch
        </button>
      </div>
      <ErrorLine error={switchModel.error} />
      {confirmed ? (
        <p className="confirmation" data-testid="switch-confirmation">
          Switched from {targetLabel({ model: confirmed.previousModel, pool: confirmed.previousPool })} to{' '}
          <strong>{targetLabel(confirmed)}</strong> in <strong>{ms(confirmed.latencyMs)}</strong> (revision {confirmed.revision}).
        </p>
      ) : null}
      {log.length ? (
        <ol className="switch-log" data-testid="switch-log">
          {log.map((s) => (
            <li key={s.revision}>
              {when(s.switchedAt)}: revision {s.revision}, {targetLabel({ model: s.previousModel, pool: s.previousPool })} →{' '}
              {targetLabel(s)} ({ms(s.latencyMs)})
            </li>
          ))}
        </ol>
      ) : null}
    </Panel>
  );
}
