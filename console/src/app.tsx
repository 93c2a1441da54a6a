import { useEffect, useMemo, useState } from 'react';
import { ViewerDocument } from './api/documents';
import { describeError, RequestError } from './api/errors';
import { GatewayClient } from './api/gateway-client';
import { type ConsoleSession, SessionContext, type Viewer } from './api/hooks';
import { storedKey, storeKey } from './api/session-key';
import { ErrorBoundary } from './components/error-boundary';
import { SignIn } from './sign-in';
import { ROUTES, useRoute } from './routes';

type Start =
  | { state: 'checking' }
  | { state: 'signed-in'; client: GatewayClient; viewer: Viewer }
  | { state: 'sign-in'; problem: string | null };

/**
 * The console: asks the gateway who it is (`viewer`) with the key kept in sessionStorage (none in
 * local mode); a gateway that wants a key and has none, or a bad one, gets the sign-in form.
 */
export function App() {
  const [start, setStart] = useState<Start>({ state: 'checking' });

  const signIn = async (key: string | null): Promise<string | null> => {
    const client = new GatewayClient(key);
    try {
      const { viewer } = await client.request(ViewerDocument);
      storeKey(key);
      setStart({ state: 'signed-in', client, viewer });
      return null;
    } catch (error) {
      client.dispose();
      if (error instanceof RequestError && error.code === 'UNAUTHENTICATED') {
        storeKey(null);
        const problem = key ? 'The gateway does not accept this key (unknown or revoked).' : null;
        setStart({ state: 'sign-in', problem });
        return problem;
      }
      const problem = describeError(error);
      setStart({ state: 'sign-in', problem });
      return problem;
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount (signIn is a new function each render)
  useEffect(() => {
    void signIn(storedKey());
  }, []);

  if (start.state === 'checking') return <p className="centered">Connecting to the gateway…</p>;
  if (start.state === 'sign-in') return <SignIn problem={start.problem} onSubmit={signIn} />;
  return (
    <Shell
      client={start.client}
      viewer={start.viewer}
      onSignOut={() => {
        start.client.dispose();
        storeKey(null);
        setStart({ state: 'sign-in', problem: null });
      }}
    />
  );
}

function Shell({ client, viewer, onSignOut }: { client: GatewayClient; viewer: Viewer; onSignOut(): void }) {
  const isAdmin = viewer.scopes.includes('ADMIN');
  const session = useMemo<ConsoleSession>(() => ({ client, viewer, isAdmin, signOut: onSignOut }), [client, viewer, isAdmin, onSignOut]);
  const routes = ROUTES.filter((r) => !r.adminOnly || isAdmin);
  const route = useRoute(routes);
  const View = route.view;
  return (
    <SessionContext.Provider value={session}>
      <div className="shell">
        <nav className="sidebar">
          <div className="brand">Switchyard</div>
          {routes.map((r) => (
            <a key={r.path} href={`#/${r.path}`} className={r.path === route.path ? 'active' : ''}>
              {r.title}
            </a>
          ))}
          <div className="who">
            {viewer.localMode ? (
              <span title="No admin key is configured: the gateway listens on 127.0.0.1 only and asks no key.">local mode</span>
            ) : (
              <>
                <span>{isAdmin ? 'admin key' : 'client key'}</span>
                <button type="button" className="link" onClick={onSignOut}>
                  sign out
                </button>
              </>
            )}
          </div>
        </nav>
        <main>
          <ErrorBoundary key={route.path}>
            <View />
          </ErrorBoundary>
        </main>
      </div>
    </SessionContext.Provider>
  );
}
