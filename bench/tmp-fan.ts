import { startBenchUpstream } from './fake-upstream.js';
import { startGateway } from './gateway.js';
import { agent, GENERATE, post } from './load.js';
import { switchFanOut } from './scenarios.js';
const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
for (let i = 0; i < 3; i++) {
  const gw = await startGateway(upstream.url, { compiled: true });
  for (let j = 0; j < 200; j++) await post(`${gw.url}/graphql`, GENERATE);
  const f = await switchFanOut(gw, 1000, 30);
  console.log('p50', f.deliveryP50.toFixed(1), 'p99', f.deliveryP99.toFixed(1), 'first', f.firstP50.toFixed(1), 'last', f.lastP50.toFixed(1), 'server', f.serverP50.toFixed(2), 'rss', f.rssWithSubscribersMb.toFixed(0));
  await gw.stop();
}
await upstream.close(); await agent.close();
