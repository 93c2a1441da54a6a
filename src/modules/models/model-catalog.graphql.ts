import { builder } from '../../graphql/builder.js';
import { CATALOG_STATUSES, type ModelModalities, PRICING_SOURCES } from '../../core/records/model.js';
import { ModelRef } from './model.graphql.js';

const CatalogStatusEnum = builder.enumType('CatalogStatus', {
  description:
    "What the maintained model catalog says of the model's vendor name. CURRENT: listed. DEPRECATED: listed as deprecated by the vendor. UNLISTED: not in the catalog (mock and self-hosted models, or a name the pinned catalog does not know yet).",
  values: CATALOG_STATUSES,
});

const PricingSourceEnum = builder.enumType('PricingSource', {
  description:
    "Where a model's prices come from. CONFIG: its own pricing (config file or registerModel/updateModel), which overrides the catalog's. CATALOG: the maintained catalog. NONE: neither; the model has no price.",
  values: PRICING_SOURCES,
});

const ModelModalitiesRef = builder.objectRef<ModelModalities>('ModelModalities').implement({
  description: 'What a model takes in and gives out, as the catalog lists it.',
  fields: (t) => ({
    input: t.stringList({ description: 'text, image, audio, video, pdf.', resolve: (m) => [...m.input] }),
    output: t.stringList({ description: 'text, image, audio.', resolve: (m) => [...m.output] }),
  }),
});

builder.objectFields(ModelRef, (t) => ({
  catalogStatus: t.expose('catalogStatus', { type: CatalogStatusEnum }),
  pricingSource: t.expose('pricingSource', { type: PricingSourceEnum }),
  modalities: t.field({
    type: ModelModalitiesRef,
    nullable: true,
    description: 'From the catalog; null when it does not say.',
    resolve: (m) => m.modalities,
  }),
  supportsTools: t.exposeBoolean('supportsTools', {
    nullable: true,
    description: 'Function calling, from the catalog; null when it does not say.',
  }),
  supportsReasoning: t.exposeBoolean('supportsReasoning', {
    nullable: true,
    description: 'A reasoning (thinking) model, from the catalog; null when it does not say.',
  }),
  maxOutputTokens: t.exposeInt('maxOutputTokens', {
    nullable: true,
    description: 'Most output tokens the vendor allows, from the catalog; null when it does not say.',
  }),
}));
