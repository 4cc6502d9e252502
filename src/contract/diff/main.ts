// `npm run test:diff`: the same requests to the simulator and to a real OpenStack, the answers
// compared, and exit code 1 for any difference src/simulator/KNOWN-DIFFERENCES.md does not list.
import { existsSync, readFileSync } from 'node:fs';
import { runActionChecks } from './action-checks';
import { parseKnownDifferences } from './known-differences';
import { createRefusals, runLifecycleChecks } from './lifecycle-checks';
import { notifiedSequences } from './observed';
import { formatResult, summary } from './report';
import { requestChecks } from './request-checks';
import { runChecks } from './run-checks';
import { openReal, openSimulator } from './sides';

const started = Date.now();
const known = parseKnownDifferences(readFileSync(new URL('../../simulator/KNOWN-DIFFERENCES.md', import.meta.url), 'utf8'));
/** `real-openstack.sh observe`'s record; without it, real sequences are only what polling sees. */
const observedPath = process.env.STACKDECK_OBSERVED ?? '/var/tmp/real-openstack/observe/actions.json';
const notified = existsSync(observedPath) ? notifiedSequences(JSON.parse(readFileSync(observedPath, 'utf8'))) : new Map();
const real = await openReal();
const { side: sim, simulator } = await openSimulator();
const write = (text: string) => process.stdout.write(`${text}\n`);
try {
  write(`real: Nova ${real.maxVersion} at ${real.client.endpoint('compute')}; simulator: Nova ${sim.maxVersion}`);
  write(notified.size > 0 ? `notified sequences: ${observedPath}` : `no ${observedPath}: run real-openstack.sh observe to compare every transition, not only polled ones`);
  const requests = await runChecks([...requestChecks, ...createRefusals], real, sim, known);
  // Each runs on servers of its own, so they run side by side.
  const [actions, lifecycle] = await Promise.all([runActionChecks(real, sim, known, notified), runLifecycleChecks(real, sim, known, notified)]);
  const results = [...requests, ...lifecycle, ...actions];
  for (const result of results) write(formatResult(result));
  const { text, ok } = summary(results, known);
  write(`${text}\n${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await simulator.close();
}
