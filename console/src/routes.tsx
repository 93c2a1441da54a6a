import { type ComponentType, useEffect, useState } from 'react';
import { ConfigView } from './views/config-view';
import { CostsView } from './views/costs/costs-view';
import { KeysView } from './views/keys-view';
import { ModelsView } from './views/models/models-view';
import { PlaygroundView } from './views/playground/playground-view';
import { PoolsView } from './views/pools-view';
import { RequestsView } from './views/requests/requests-view';

export interface Route {
  readonly path: string;
  readonly title: string;
  readonly view: ComponentType;
  /** Shown to admin keys (and local mode) only; the gateway refuses the operations anyway. */
  readonly adminOnly?: boolean;
}

export const ROUTES: readonly Route[] = [
  { path: 'models', title: 'Models', view: ModelsView },
  { path: 'playground', title: 'Playground', view: PlaygroundView },
  { path: 'pools', title: 'Pools', view: PoolsView },
  { path: 'keys', title: 'API keys', view: KeysView, adminOnly: true },
  { path: 'costs', title: 'Costs', view: CostsView },
  { path: 'requests', title: 'Requests', view: RequestsView },
  { path: 'config', title: 'Config', view: ConfigView, adminOnly: true },
];

/** The route in the location hash (`#/models`, `#/playground?session=…`); the first one by default. */
export function useRoute(routes: readonly Route[]): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  const path = hash.replace(/^#\/?/, '').split('?')[0];
  return routes.find((r) => r.path === path) ?? (routes[0] as Route);
}

/** A parameter of the hash's query (`#/playground?session=id`). */
export function hashParam(name: string): string | null {
  const query = location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get(name);
}

/** Sets a parameter of the hash's query without adding a history entry. */
export function setHashParam(name: string, value: string | null): void {
  const [path, query = ''] = location.hash.split('?');
  const params = new URLSearchParams(query);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const next = params.toString();
  history.replaceState(null, '', `${path || '#/'}${next ? `?${next}` : ''}`);
}
