import { builder } from '../../graphql/builder.js';
import type { CredentialRecord } from '../../core/records/credential.js';

const CredentialRef = builder.objectRef<CredentialRecord>('Credential').implement({
  description:
    'A vendor key stored through the API, encrypted at rest under SWITCHYARD_MASTER_KEY. Its secret is never answered back: only its last characters.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What models name in `credential`.' }),
    mask: t.exposeString('mask', { description: 'The secret’s last 4 characters (`…abcd`; 2 under 16 characters, none under 8).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    rotatedAt: t.expose('rotatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the secret was last replaced (rotateCredential).',
    }),
    models: t.stringList({
      description: 'The ids of the models (not retired) that take their vendor key from this credential.',
      resolve: (c, _args, ctx) => [...ctx.services.credentials.modelsUsing(c.name)],
    }),
  }),
});

const CreateCredentialInput = builder.inputType('CreateCredentialInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Letters, digits and . _ - (at most 64, starting with a letter or digit).' }),
    secret: t.string({ required: true, description: 'The vendor key. Stored encrypted; never answered back, never logged.' }),
  }),
});

builder.queryFields((t) => ({
  credentials: t.field({
    scope: 'admin',
    type: [CredentialRef],
    description: 'Every stored vendor credential, masked. Needs admin.',
    resolve: (_root, _args, ctx) => ctx.services.credentials.list(),
  }),
}));

builder.mutationFields((t) => ({
  createCredential: t.field({
    scope: 'admin',
    type: CredentialRef,
    description:
      'Stores a vendor key under a name models can use (`credential`), encrypted with AES-256-GCM under SWITCHYARD_MASTER_KEY (refused without it). Needs admin.',
    args: { input: t.arg({ type: CreateCredentialInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.credentials.create(input),
  }),
  rotateCredential: t.field({
    scope: 'admin',
    type: CredentialRef,
    description: 'Replaces a credential’s secret; every instance uses the new one from its next request, with no restart. Needs admin.',
    args: { name: t.arg.string({ required: true }), secret: t.arg.string({ required: true }) },
    resolve: (_root, { name, secret }, ctx) => ctx.services.credentials.rotate(name, secret),
  }),
  deleteCredential: t.field({
    scope: 'admin',
    type: CredentialRef,
    description: 'Deletes a credential no model uses (refused, naming them, while models do); answers what it was. Needs admin.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, ctx) => ctx.services.credentials.delete(name),
  }),
}));
