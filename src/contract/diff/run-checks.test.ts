import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator';
import { requestChecks } from './request-checks';
import { runChecks } from './run-checks';
import { openSimulator, type Side } from './sides';

describe('the request checks on two simulators', () => {
  let one: { side: Side; simulator: Simulator };
  let two: { side: Side; simulator: Simulator };
  beforeAll(async () => {
    [one, two] = await Promise.all([openSimulator(), openSimulator()]);
  });
  afterAll(async () => {
    await Promise.all([one?.simulator.close(), two?.simulator.close()]);
  });

  it('finds no difference: what differs between two clouds of the same kind (ids, ports, request ids) is normalised away', async () => {
    const results = await runChecks(requestChecks, one.side, two.side, new Map());
    expect(results.filter((r) => r.verdict !== 'same')).toEqual([]);
  });
});
