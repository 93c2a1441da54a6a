import { describe, expect, it } from 'vitest';
import { costMicroUsd, fitMaxTokens } from '../../src/pricing/cost.js';

const gpt4 = { inputPriceMicroUsd: 30_000_000, outputPriceMicroUsd: 60_000_000 }; // $30 / $60 per million

describe('costMicroUsd', () => {
  it('should price tokens exactly in micro-USD', () => {
    expect(costMicroUsd(1000, 500, gpt4)).toBe(60_000); // $0.03 + $0.03
    expect(costMicroUsd(1, 0, gpt4)).toBe(30);
    expect(costMicroUsd(0, 0, gpt4)).toBe(0);
  });

  it('should round half up at the micro-dollar', () => {
    const cheap = { inputPriceMicroUsd: 500_000, outputPriceMicroUsd: 1_500_000 }; // $0.50 / $1.50
    expect(costMicroUsd(1, 0, cheap)).toBe(1); // 0.5 micro → 1
    expect(costMicroUsd(0, 1, cheap)).toBe(2); // 1.5 micro → 2
    expect(costMicroUsd(3, 0, { inputPriceMicroUsd: 100_000, outputPriceMicroUsd: 0 })).toBe(0); // 0.3 micro → 0
  });

  it('should cost nothing for a model without prices and stay exact for huge counts', () => {
    expect(costMicroUsd(10, 10, { inputPriceMicroUsd: null, outputPriceMicroUsd: null })).toBe(0);
    expect(costMicroUsd(1_000_000_000, 1_000_000_000, gpt4)).toBe(90_000_000_000);
  });
});

describe('fitMaxTokens', () => {
  it('should keep maxTokens when the worst case fits', () => {
    expect(fitMaxTokens(100, 200, 1_000_000, gpt4)).toBe(200);
  });

  it('should lower maxTokens to what the limit affords', () => {
    // limit $0.01 = 10,000 micro; prompt 100 tokens = 3,000 micro; 7,000 micro buys 116 output tokens at 60 micro each.
    expect(fitMaxTokens(100, 2000, 10_000, gpt4)).toBe(116);
  });

  it('should answer 0 when not even one output token fits', () => {
    expect(fitMaxTokens(100, 2000, 3_000, gpt4)).toBe(0);
    expect(fitMaxTokens(1000, 2000, 3_000, gpt4)).toBe(0);
  });

  it('should let a model without prices through', () => {
    expect(fitMaxTokens(100, 2000, 0, { inputPriceMicroUsd: null, outputPriceMicroUsd: null })).toBe(2000);
  });
});
