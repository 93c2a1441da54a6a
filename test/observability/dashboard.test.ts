import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

interface Dashboard {
  title: string;
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
}

describe('deploy/grafana/switchyard-dashboard.json', () => {
  it('should be valid JSON whose every panel queries metrics the gateway exports', async () => {
    const dashboard = JSON.parse(
      readFileSync(new URL('../../deploy/grafana/switchyard-dashboard.json', import.meta.url), 'utf8'),
    ) as Dashboard;
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    t = await startTestApp();
    const exported = new Set((await t.app.services.metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets) {
        const names = [...expr.matchAll(/\bswitchyard_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, ''));
        expect(names.length, `${panel.title}: ${expr}`).toBeGreaterThan(0);
        for (const name of names) expect(exported.has(name), `${panel.title} uses ${name}`).toBe(true);
      }
    }
  });

  it('should export the metric set of SPEC §8 with the switchyard_ prefix', async () => {
    t = await startTestApp();
    const exported = new Set((await t.app.services.metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    for (const name of [
      'switchyard_generation_requests_total',
      'switchyard_generation_duration_seconds',
      'switchyard_time_to_first_token_seconds',
      'switchyard_tokens_total',
      'switchyard_cost_micro_usd_total',
      'switchyard_model_switch_duration_seconds',
      'switchyard_retries_total',
      'switchyard_fallbacks_total',
      'switchyard_circuit_state',
      'switchyard_model_health',
      'switchyard_active_subscriptions',
      'switchyard_sse_subscriptions',
      'switchyard_rate_limited_total',
      'switchyard_budget_remaining_usd',
      'process_cpu_user_seconds_total',
    ]) {
      expect(exported.has(name), name).toBe(true);
    }
  });
});
