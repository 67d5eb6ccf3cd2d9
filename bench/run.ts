import { benchHubLatency } from './hub-latency.bench';
import { benchInsights } from './insights.bench';
import { benchObsScene } from './obs-scene.bench';
import { benchRedirect } from './redirect.bench';
import { benchStats } from './stats.bench';

/** `npm run bench`: every figure is printed next to a baseline measured in the same run. */
async function main(): Promise<void> {
  const only = process.argv[2];
  const benches: Array<[string, () => Promise<string[]>]> = [
    ['redirect', benchRedirect],
    ['stats', benchStats],
    ['hub', benchHubLatency],
    ['obs', benchObsScene],
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
