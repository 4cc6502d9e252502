import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator';
import { createRefusals, runLifecycleChecks } from './lifecycle-checks';
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
    const results = await runChecks([...requestChecks, ...createRefusals], one.side, two.side, new Map());
    expect(results.filter((r) => r.verdict !== 'same')).toEqual([]);
  });

  it('finds none in a server’s life either, and leaves no server behind', async () => {
    const results = await runLifecycleChecks(one.side, two.side, new Map(), new Map());
    expect(results.filter((r) => r.verdict !== 'same')).toEqual([]);
    expect(results.map((r) => r.id)).toContain('nova.delete.sequence');
    const live = [...one.simulator.cloud.compute.servers.values()].filter((s) => s.name.startsWith('stackdeck-test-') && s.deletedAt === null);
    expect(live).toEqual([]);
  });
});
