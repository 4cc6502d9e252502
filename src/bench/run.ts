import { mkdirSync, writeFileSync } from 'node:fs';
import { bffBench } from './bff.bench';
import { judge, type Figure, type Result } from './measure';
import { networksBench } from './networks.bench';
import { simulatorBench } from './simulator.bench';
import { spaBench } from './spa.bench';
import { tasksBench } from './tasks.bench';

/**
 * `npm run bench`: every speed and size target of the project, measured here rather than asserted
 * in tests (timings on a shared 2-core machine are not pass/fail material). Writes
 * reports/bench.json as `[{name, value, unit, budget, pass}]` and prints a table.
 */
const benches: Array<[string, () => Promise<Figure[]>]> = [
  ['simulator', simulatorBench],
  ['bff', bffBench],
  ['networks', networksBench],
  ['spa', spaBench],
  ['tasks', tasksBench],
];

const only = process.argv.slice(2);
const results: Result[] = [];
for (const [name, bench] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`== ${name}\n`);
  for (const figure of await bench()) {
    const result = judge(figure);
    results.push(result);
    const verdict = result.pass === null ? '' : result.pass ? '  ok' : '  OVER BUDGET';
    const budget = result.budget === undefined ? '' : ` (budget ${result.budget} ${result.unit})`;
    process.stdout.write(`${result.name}: ${result.value} ${result.unit}${budget}${verdict}\n`);
  }
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwrote reports/bench.json (${results.length} figures)\n`);
