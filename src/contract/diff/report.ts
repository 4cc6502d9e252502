// One line per check: the same, a difference the simulator's KNOWN-DIFFERENCES.md explains, or
// DIFFERENT with both sides' values.
import { type Mismatch, mismatches } from './compare';
import type { KnownDifference } from './known-differences';

export type Verdict = 'same' | 'known' | 'different';

export interface CheckResult {
  id: string;
  verdict: Verdict;
  mismatches: Mismatch[];
  known?: KnownDifference;
  /** Why the check could not run on one side, when it could not. */
  error?: string;
}

export function judge(id: string, real: unknown, sim: unknown, known: ReadonlyMap<string, KnownDifference>): CheckResult {
  const found = mismatches(real, sim);
  if (found.length === 0) return { id, verdict: 'same', mismatches: [] };
  const listed = known.get(id);
  return listed ? { id, verdict: 'known', mismatches: found, known: listed } : { id, verdict: 'different', mismatches: found };
}

/** A check that threw on either side is a difference: the tool must not pass by not looking. */
export function failed(id: string, error: unknown): CheckResult {
  return { id, verdict: 'different', mismatches: [], error: error instanceof Error ? error.message : String(error) };
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? 'undefined');

export function formatResult(result: CheckResult): string {
  const head = { same: 'same     ', known: 'known    ', different: 'DIFFERENT' }[result.verdict];
  const lines = [`${head} ${result.id}${result.known ? ` — ${result.known.what}` : ''}`];
  if (result.error) lines.push(`            error: ${result.error}`);
  if (result.verdict === 'different') {
    for (const m of result.mismatches) lines.push(`            ${m.path}\n              real: ${show(m.real)}\n              sim:  ${show(m.sim)}`);
  }
  return lines.join('\n');
}

export function summary(results: readonly CheckResult[], known: ReadonlyMap<string, KnownDifference>): { text: string; ok: boolean } {
  const count = (verdict: Verdict) => results.filter((r) => r.verdict === verdict).length;
  const seen = new Set(results.map((r) => r.id));
  // A listed difference no check produced any more is stale: the list must stay short and honest.
  const unused = [...known.keys()].filter((id) => !results.some((r) => r.id === id && r.verdict === 'known'));
  const lines = [`${results.length} checks: ${count('same')} same, ${count('known')} known differences, ${count('different')} DIFFERENT`];
  for (const id of unused) lines.push(`note: KNOWN-DIFFERENCES.md lists ${id}, which ${seen.has(id) ? 'now answers the same' : 'no check ran'}`);
  return { text: lines.join('\n'), ok: count('different') === 0 };
}
