import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKnownDifferences } from './known-differences';
import { judge, summary } from './report';

describe('KNOWN-DIFFERENCES.md', () => {
  it('reads the id, what and why of each row whose first cell is a code id', () => {
    const known = parseKnownDifferences('# t\n\n| check | what | why |\n|---|---|---|\n| `nova.rescue.power_state` | 4 vs 1 | the fake driver |\n| not an id | x | y |\n');
    expect([...known.values()]).toEqual([{ id: 'nova.rescue.power_state', what: '4 vs 1', why: 'the fake driver' }]);
  });

  it('refuses an id listed twice', () => {
    expect(() => parseKnownDifferences('| `a` | x | y |\n| `a` | x | y |')).toThrow(/twice/);
  });

  it('parses the simulator’s own list, each row with a reason', () => {
    const known = parseKnownDifferences(readFileSync(new URL('../../simulator/KNOWN-DIFFERENCES.md', import.meta.url), 'utf8'));
    expect(known.size).toBeGreaterThan(0);
    for (const row of known.values()) expect(row.why).not.toBe('');
  });

  it('fails on an unlisted difference only, and notes listed ones that no longer differ', () => {
    const known = parseKnownDifferences('| `x.listed` | a | b |\n| `x.fixed` | a | b |');
    const results = [judge('x.listed', 1, 2, known), judge('x.fixed', 1, 1, known), judge('x.same', 'a', 'a', known)];
    expect(results.map((r) => r.verdict)).toEqual(['known', 'same', 'same']);
    expect(summary(results, known)).toEqual({ ok: true, text: expect.stringContaining('lists x.fixed, which now answers the same') });
    expect(summary([...results, judge('x.new', 1, 2, known)], known).ok).toBe(false);
  });
});
