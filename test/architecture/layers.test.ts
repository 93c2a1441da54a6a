import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backEdges, corePackageUses, fileCycles, importGraph, layerCycles, LAYERS } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

describe('layers (README "Architecture")', () => {
  const { edges, packages } = importGraph(SRC);

  it('should find the imports it checks (the reader is not blind)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'routing/router.ts', to: 'core/ports/event-bus.ts' });
    expect(edges).toContainEqual({ from: 'modules/models/model.graphql.ts', to: 'graphql/builder.ts' });
  });

  it('should have every import of src/ point down the layers (or sideways within one)', () => {
    expect(backEdges(edges)).toEqual([]);
  });

  it('should have no cycle between layers', () => {
    expect(layerCycles(edges)).toEqual([]);
  });

  it('should have no import cycle between files, type-only imports included', () => {
    expect(fileCycles(edges)).toEqual([]);
  });

  it('should find a cycle between files (the checker itself)', () => {
    const graph = [
      { from: 'a.ts', to: 'b.ts' },
      { from: 'b.ts', to: 'c.ts' },
      { from: 'c.ts', to: 'a.ts' },
      { from: 'c.ts', to: 'd.ts' },
    ];
    expect(fileCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('should keep the core free of packages: node built-ins only', () => {
    expect(corePackageUses(packages)).toEqual([]);
  });

  it('should keep the edge off storage: no resolver, WebSocket or HTTP file imports the ORM, a repository or an entity', () => {
    const edge = (file: string) => file.endsWith('.graphql.ts') || /^(graphql|http)\//.test(file);
    const storage = [
      ...edges.filter((e) => edge(e.from) && /(-repository|\.entity|^db\/orm)\.ts$/.test(e.to)).map((e) => `${e.from} -> ${e.to}`),
      ...[...packages].flatMap(([file, specs]) =>
        edge(file) ? specs.filter((s) => s.startsWith('@mikro-orm/')).map((s) => `${file} -> ${s}`) : [],
      ),
    ];
    expect(storage).toEqual([]);
  });

  it('should report a back edge and the cycle it makes (the checker itself, on a graph of two files)', () => {
    const graph = [
      { from: 'routing/router.ts', to: 'core/errors.ts' },
      { from: 'core/errors.ts', to: 'routing/router.ts' },
    ];
    expect(backEdges(graph)).toEqual(['core/errors.ts (core) -> routing/router.ts (routing)']);
    expect(layerCycles(graph)).toContainEqual(['core', 'routing', 'core']);
    expect(backEdges([{ from: 'graphql/context.ts', to: 'client/index.ts' }])).toEqual([
      'graphql/context.ts -> client/index.ts (the island client/ is imported across)',
    ]);
    expect(corePackageUses(new Map([['core/ports/event-bus.ts', ['graphql-yoga', 'node:events']]]))).toEqual([
      'core/ports/event-bus.ts imports graphql-yoga',
    ]);
    expect(LAYERS.map((l) => l.name)).toEqual([
      'core',
      'util',
      'infrastructure',
      'routing',
      'redis',
      'cache',
      'config',
      'db',
      'modules',
      'edge',
      'composition',
    ]);
  });
});
