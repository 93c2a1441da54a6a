import { CostLimitExceededError } from '../core/errors.js';
import type { ModelRecord } from '../core/records/model.js';

/**
 * Whether the cost of a model's generations is unknown: a name a wildcard model serves (`openai/*`)
 * whose price neither the wildcard nor the catalog gives. Its generations are recorded with a null
 * cost (not zero), and a budgeted key's request is refused or allowed as `budgets.unknownPrice`
 * says. A registered model without `pricing` is not unknown: its operator left it unpriced (a
 * local model, a mock), and it costs 0 as before.
 */
export function hasUnknownPrice(model: Pick<ModelRecord, 'wildcard' | 'inputPriceMicroUsd' | 'outputPriceMicroUsd'>): boolean {
  return model.wildcard !== null && (model.inputPriceMicroUsd === null || model.outputPriceMicroUsd === null);
}

/**
 * What a request to a model of unknown price meets when its key has a budget or it sets a
 * costLimit (`budgets.unknownPrice`): `refuse` (the default — a budget is a promise about spend,
 * and a request whose cost cannot be counted would break it silently), or `allow` (it runs and its
 * unknown cost is charged nothing). A request with neither runs either way.
 */
export const UNKNOWN_PRICE_POLICIES = ['refuse', 'allow'] as const;
export type UnknownPricePolicy = (typeof UNKNOWN_PRICE_POLICIES)[number];

/**
 * Why a request to a model of unknown price is refused under `budgets.unknownPrice: refuse`, when
 * `limit` applies: the key's budget, or the request's costLimit. Names the model, its wildcard and
 * the config field.
 */
export function unknownPriceRefusal(model: Pick<ModelRecord, 'id' | 'wildcard'>, limit: 'budget' | 'costLimit'): CostLimitExceededError {
  const source = `the wildcard model "${model.wildcard ?? model.id}"`;
  const what = limit === 'budget' ? 'this API key has a budget' : 'the request sets a costLimit';
  return new CostLimitExceededError(
    `the price of ${model.id} is unknown (neither ${source} nor the model catalog gives one) and ${what}, so its cost could not be counted; ` +
      `budgets.unknownPrice is refuse: give ${source} a pricing, register ${model.id} with its pricing, or set budgets.unknownPrice: allow; nothing was sent`,
    { details: { model: model.id, field: 'budgets.unknownPrice', unknownPrice: 'refuse' } },
  );
}
