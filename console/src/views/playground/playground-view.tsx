import { useState } from 'react';
import { ModelChoicesDocument } from '../../api/documents';
import type { RequestError } from '../../api/errors';
import { useMutation, useQuery, useSubscription } from '../../api/hooks';
import { when } from '../../components/format';
import { ErrorLine, Panel } from '../../components/ui';
import { hashParam, setHashParam } from '../../routes';
import { Conversation } from './conversation';
import { CreateSessionDocument, ModelSwitchedDocument, SessionsDocument } from './playground-documents';
import { EMPTY_SETTINGS, readSettings, type RequestSettings, type SettingsErrors } from './request-settings';
import { SessionTarget } from './session-target';
import { SettingsPanel } from './settings-panel';
import { TargetPicker, type Target, targetInput } from './target-picker';

/**
 * The model selector and playground: pick or start a session, switch its model or pool (the
 * confirmation shows the switch's latency; another tab on the same session follows live), and
 * stream answers with their running cost — with a system prompt, sampling parameters, tools
 * (their calls answered here), an image, a JSON answer format. The request settings stay when
 * another session is opened.
 */
export function PlaygroundView() {
  const [sessionId, setSessionId] = useState<string | null>(() => hashParam('session'));
  const sessions = useQuery(SessionsDocument, {});
  const choices = useQuery(ModelChoicesDocument, {});
  const create = useMutation(CreateSessionDocument);
  const [newTarget, setNewTarget] = useState<Target | null>(null);
  const [settings, setSettings] = useState<RequestSettings>(EMPTY_SETTINGS);
  // What the gateway refused in the last request, at its field, until the settings change.
  const [refused, setRefused] = useState<SettingsErrors>({});
  const errors = { ...refused, ...readSettings(settings).errors };
  const change = (patch: Partial<RequestSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    setRefused({});
  };
  const onRequestError = (error: RequestError | null) => setRefused(error ? error.fieldErrors() : {});
  // The list shows each session's model: a switch anywhere (any session the key may see) refreshes it.
  useSubscription(ModelSwitchedDocument, {}, () => sessions.refetch());

  const open = (id: string) => {
    setHashParam('session', id);
    setSessionId(id);
  };
  const start = async () => {
    const created = await create.run({ input: newTarget ? targetInput(newTarget) : {} });
    if (!created) return;
    sessions.refetch();
    open(created.createSession.id);
  };

  return (
    <div className="playground">
      <Panel title="Sessions">
        <div className="new-session">
          <TargetPicker choices={choices.data} value={newTarget} onChange={setNewTarget} allowDefault name="new-session-target" />
          <button type="button" onClick={start} disabled={create.running}>
            New session
          </button>
        </div>
        <ErrorLine error={create.error ?? sessions.error} />
        <ul className="session-list" data-testid="session-list">
          {(sessions.data?.sessions.edges ?? []).map(({ node }) => (
            <li key={node.id}>
              <button type="button" className={node.id === sessionId ? 'link active' : 'link'} onClick={() => open(node.id)}>
                <code>{node.id.slice(0, 8)}</code> {node.model?.id ?? (node.pool ? `pool ${node.pool.name}` : '—')}
                <span className="sub"> {when(node.updatedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      </Panel>
      {sessionId ? (
        <div className="session-column" key={sessionId}>
          <SessionTarget sessionId={sessionId} choices={choices.data} />
          <div className="workbench">
            <Conversation sessionId={sessionId} settings={settings} onRequestError={onRequestError} />
            <SettingsPanel settings={settings} errors={errors} onChange={change} />
          </div>
        </div>
      ) : (
        <p className="empty">Start a session or pick one: its model can be switched here, and every tab open on it follows.</p>
      )}
    </div>
  );
}
