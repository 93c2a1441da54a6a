import { useMutation, useQuery } from '../api/hooks';
import { graphql } from '../gql';
import { when } from '../components/format';
import { Badge, ErrorLine, Panel } from '../components/ui';

const ConfigStatusDocument = graphql(`query ConsoleConfigStatus { configStatus { source hash loadedAt lastAttemptAt lastError } }`);
const ReloadConfigDocument = graphql(`mutation ConsoleReloadConfig { reloadConfig { source hash loadedAt lastAttemptAt lastError } }`);

/** The config file the gateway runs: when it was loaded, the last refused reload's error, a reload button. */
export function ConfigView() {
  const status = useQuery(ConfigStatusDocument, {});
  const reload = useMutation(ReloadConfigDocument);
  const shown = reload.error ? status.data?.configStatus : undefined;
  const current = shown ?? status.data?.configStatus;
  return (
    <Panel
      title="Config"
      actions={
        <>
          <button type="button" className="secondary" onClick={status.refetch}>
            Refresh
          </button>
          <button
            type="button"
            disabled={reload.running}
            onClick={async () => {
              if (await reload.run({})) status.refetch();
            }}
          >
            Reload the file now
          </button>
        </>
      }
    >
      <ErrorLine error={status.error ?? reload.error} />
      {current ? (
        <dl className="facts" data-testid="config-status">
          <dt>File</dt>
          <dd>
            <code>{current.source}</code>
          </dd>
          <dt>Running since</dt>
          <dd>{when(current.loadedAt)}</dd>
          <dt>Content hash</dt>
          <dd>
            <code>{current.hash.slice(0, 16)}</code>
          </dd>
          <dt>Last reload attempt</dt>
          <dd>{when(current.lastAttemptAt)}</dd>
          <dt>Last reload</dt>
          <dd>
            {current.lastError ? (
              <>
                <Badge tone="bad">refused</Badge> <span className="bad-text">{current.lastError}</span>
                <div className="sub">The running configuration stayed as it was.</div>
              </>
            ) : (
              <Badge tone="ok">applied</Badge>
            )}
          </dd>
        </dl>
      ) : null}
      <p className="sub">The gateway also reloads the file by itself when it changes on disk.</p>
    </Panel>
  );
}
