import type { KnownDifference } from './known-differences';
import { type CheckResult, failed, judge } from './report';
import type { Check } from './request-checks';
import type { Side } from './sides';

/** Runs each check on both sides at once and judges the pair; checks run a few at a time. */
export async function runChecks(checks: readonly Check[], real: Side, sim: Side, known: ReadonlyMap<string, KnownDifference>, parallel = 4): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array(checks.length);
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      const check = checks[index] as Check;
      try {
        const [a, b] = await Promise.all([check.run(real), check.run(sim)]);
        results[index] = judge(check.id, a, b, known);
      } catch (error) {
        results[index] = failed(check.id, error);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}
