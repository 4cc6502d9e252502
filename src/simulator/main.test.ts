import { describe, expect, it, onTestFinished } from 'vitest';
import { runSimulatorToExit, startSimulatorProcess } from './testing/simulator-process';

describe('npm run simulator', () => {
  it('prints a block of OS_* exports per user, demo first, and the faults endpoint; stops cleanly on SIGINT', async () => {
    const simulator = await startSimulatorProcess(['--servers', '5', '--latency', 'compute=5', '--outage', 'glance']);
    onTestFinished(() => simulator.stop('SIGKILL').then(() => undefined));

    const [demo, ...others] = simulator.environments;
    expect(demo).toEqual({
      OS_AUTH_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v3$/),
      OS_USERNAME: 'demo',
      OS_PASSWORD: 'demo',
      OS_PROJECT_NAME: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'RegionOne',
      OS_IDENTITY_API_VERSION: '3',
    });
    expect(others.map((e) => [e.OS_USERNAME, e.OS_PASSWORD, e.OS_PROJECT_NAME, e.OS_AUTH_URL])).toEqual([
      ['admin', 'admin', 'admin', demo?.OS_AUTH_URL],
      ['reader', 'reader', 'demo', demo?.OS_AUTH_URL],
    ]);
    expect((await fetch(String(demo?.OS_AUTH_URL))).status).toBe(200);

    expect(simulator.faultsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/faults$/);
    expect(await (await fetch(simulator.faultsUrl)).json()).toEqual({ compute: { latencyMs: 5 }, image: { outage: true } });

    expect(await simulator.stop('SIGINT')).toBe(0);
  });

  // Each flag's messages are checked in command-line.test.ts; here, that the process exits as a CLI should,
  // for a flag it cannot parse and for a value only the simulator itself refuses.
  it.concurrent.each([
    [['--servers', 'many'], '--servers takes a whole number, not "many"'],
    [['--nova-max-version', '3.0'], 'Not a Nova microversion: 3.0'],
  ])('exits with status 2 and says why for %j', async (args, message) => {
    const { code, stderr } = await runSimulatorToExit(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
