import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The layers of src/, lowest first. A file may import files of its own layer and of layers below;
 * an import of a higher layer is a back edge. `*.graphql.ts` files are the GraphQL edge wherever
 * they live (each module keeps its schema next to its service).
 */
export const LAYERS: readonly { readonly name: string; readonly match: (file: string) => boolean }[] = [
  { name: 'core', match: (f) => f.startsWith('core/') },
  { name: 'util', match: (f) => f.startsWith('util/') },
  { name: 'infrastructure', match: (f) => /^(providers|pricing|catalog|security|validation|observability|events)\//.test(f) },
  { name: 'routing', match: (f) => f.startsWith('routing/') },
  // The Redis implementations of the core's ports (bus, rate and budget stores, probe lock): one home, above what they reuse.
  { name: 'redis', match: (f) => f.startsWith('redis/') },
  // The response cache: its stores (in process, Redis) behind the core's port, its key, policy and typed answers.
  { name: 'cache', match: (f) => f.startsWith('cache/') },
  { name: 'config', match: (f) => f.startsWith('config/') },
  { name: 'db', match: (f) => f.startsWith('db/') },
  { name: 'modules', match: (f) => f.startsWith('modules/') && !f.endsWith('.graphql.ts') },
  { name: 'edge', match: (f) => /^(graphql|http)\//.test(f) || f.endsWith('.graphql.ts') },
  { name: 'composition', match: (f) => /^(services|app|main)\.ts$/.test(f) || f.startsWith('composition/') },
];

/** The typed client is published on its own: it imports nothing of the gateway. */
export const ISLANDS = ['client/'];

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

export function listSourceFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(path.join(root, rel)).isDirectory()) return listSourceFiles(root, rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import specifier of a file (type-only imports too: they couple the layers all the same). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** The import graph of src/: edges between files (relative imports) and the packages each file uses. */
export function importGraph(root: string): { edges: ImportEdge[]; packages: Map<string, string[]> } {
  const edges: ImportEdge[] = [];
  const packages = new Map<string, string[]>();
  for (const file of listSourceFiles(root)) {
    for (const spec of importsOf(readFileSync(path.join(root, file), 'utf8'))) {
      if (spec.startsWith('.')) {
        const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
        edges.push({ from: file, to });
      } else packages.set(file, [...(packages.get(file) ?? []), spec]);
    }
  }
  return { edges, packages };
}

export function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) => layer.match(file));
  if (index === -1) throw new Error(`${file} belongs to no layer: add it to LAYERS in test/architecture/import-graph.ts`);
  return index;
}

/** Imports that point up the layers, or in or out of an island: each as "from (layer) -> to (layer)". */
export function backEdges(edges: readonly ImportEdge[]): string[] {
  const island = (f: string) => ISLANDS.find((prefix) => f.startsWith(prefix));
  return edges.flatMap(({ from, to }) => {
    if (island(from) || island(to))
      return island(from) === island(to) ? [] : [`${from} -> ${to} (the island ${island(from) ?? island(to)} is imported across)`];
    const [a, b] = [layerOf(from), layerOf(to)];
    return b > a ? [`${from} (${LAYERS[a]?.name}) -> ${to} (${LAYERS[b]?.name})`] : [];
  });
}

/** Cycles between the layers themselves: a layer reachable from itself through the other layers. */
export function layerCycles(edges: readonly ImportEdge[]): string[][] {
  const island = (f: string) => ISLANDS.some((prefix) => f.startsWith(prefix));
  const next = new Map<number, Set<number>>();
  for (const { from, to } of edges) {
    if (island(from) || island(to)) continue;
    const [a, b] = [layerOf(from), layerOf(to)];
    if (a !== b) next.set(a, new Set([...(next.get(a) ?? []), b]));
  }
  const cycles: string[][] = [];
  const walk = (start: number, at: number, trail: number[]) => {
    for (const n of next.get(at) ?? []) {
      if (n === start) cycles.push([...trail, n].map((i) => LAYERS[i]?.name ?? '?'));
      else if (!trail.includes(n)) walk(start, n, [...trail, n]);
    }
  };
  for (const start of next.keys()) walk(start, start, [start]);
  return cycles;
}

/** Packages the core may use: Node's own modules, nothing else (no GraphQL server, no ORM). */
export function corePackageUses(packages: ReadonlyMap<string, readonly string[]>): string[] {
  const builtin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec);
  return [...packages].flatMap(([file, specs]) =>
    file.startsWith('core/') ? specs.filter((s) => !builtin(s)).map((s) => `${file} imports ${s}`) : [],
  );
}

/**
 * Cycles between files (type-only imports included: they couple the files all the same): each
 * strongly connected group of two or more files, found by Tarjan's algorithm.
 */
export function fileCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file) as number, index.get(to) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
