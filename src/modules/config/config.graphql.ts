import { builder } from '../../graphql/builder.js';
import type { ConfigStatus } from './config-reloader.js';

const ConfigStatusRef = builder.objectRef<ConfigStatus>('ConfigStatus').implement({
  description: 'The running configuration and the outcome of the last reload.',
  fields: (t) => ({
    source: t.exposeString('source', { description: 'The config file.' }),
    loadedAt: t.expose('loadedAt', { type: 'DateTime', description: 'When the running configuration was applied.' }),
    hash: t.exposeString('hash', { description: 'sha256 of the file applied.' }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: 'Why the last reload was refused (the running configuration stayed); null after a good one.',
    }),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryFields((t) => ({
  configStatus: t.field({
    scope: 'admin',
    type: ConfigStatusRef,
    description: 'Needs admin.',
    resolve: (_root, _args, ctx) => ctx.services.configReloader.status(),
  }),
}));

builder.mutationFields((t) => ({
  reloadConfig: t.field({
    scope: 'admin',
    type: ConfigStatusRef,
    description:
      'Reads the config file again and applies it (as the file watcher does on a change). An invalid file changes nothing; see lastError. Needs admin.',
    resolve: (_root, _args, ctx) => ctx.services.configReloader.reload(),
  }),
}));
