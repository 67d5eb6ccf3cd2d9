import { benchChatFanout } from './chat-fanout.bench';
import { benchHubLatency } from './hub-latency.bench';
import { benchInsights } from './insights.bench';
import { benchObsScene } from './obs-scene.bench';
import { benchRedirect } from './redirect.bench';
import { benchRelay } from './relay.bench';
import { benchIngest } from './ingest.bench';
import { benchStats } from './stats.bench';
import { benchWebhooks } from './webhooks.bench';

/** `npm run bench`: every figure is printed next to a baseline measured in the same run. */
async function main(): Promise<void> {
  const only = process.argv[2];
  const benches: Array<[string, () => Promise<string[]>]> = [
    ['redirect', benchRedirect],
    ['relay', benchRelay],
    ['ingest', benchIngest],
    ['stats', benchStats],
    ['hub', benchHubLatency],
    ['chat', benchChatFanout],
    ['obs', benchObsScene],
    ['webhooks', benchWebhooks],
    ['insights', benchInsights],
  ];
  for (const [name, run] of benches) {
    if (only && only !== name) continue;
    process.stdout.write(`\n== ${name} ==\n`);
    for (const line of await run()) process.stdout.write(line + '\n');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
