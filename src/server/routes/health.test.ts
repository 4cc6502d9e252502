import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readinessSchema } from '../../domain/api';
import { replaceFaults } from '../../simulator/faults/model';
import { csrf, type Stack, startStack } from '../testing/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterEach(() => replaceFaults(stack.simulator.faults, {}));
afterAll(() => stack.close());

async function readyz() {
  const res = await stack.app.inject({ method: 'GET', url: '/readyz' });
  return { status: res.statusCode, body: readinessSchema.parse(res.json()) };
}

const failing = (checks: Record<string, { ok: boolean; message?: string | undefined }>) =>
  Object.fromEntries(Object.entries(checks).filter(([, check]) => !check.ok));

describe('/readyz', () => {
  it('before any sign-in checks Keystone and says the other services are not known yet, without failing for it', async () => {
    stack.simulator.faults.compute = { outage: true };
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      checks: {
        'identity:simulator': { ok: true },
        'services:simulator': { ok: true, message: expect.stringMatching(/once someone has signed in/) },
      },
    });
  });

  it('after a sign-in checks each service of the catalog, and names the one that is down with its message', async () => {
    const login = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
    expect(login.statusCode).toBe(200);
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      checks: {
        'identity:simulator': { ok: true },
        'compute:simulator': { ok: true },
        'network:simulator': { ok: true },
        'image:simulator': { ok: true },
      },
    });

    stack.simulator.faults.compute = { outage: true };
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(failing(down.body.checks)).toEqual({
      'compute:simulator': { ok: false, message: 'The compute service (Nova) cannot be reached. Try again in a moment.' },
    });

    replaceFaults(stack.simulator.faults, { image: { errorRate: 1, errorStatus: 503 } });
    const failingImage = await readyz();
    expect(failingImage.status).toBe(503);
    expect(failing(failingImage.body.checks)).toEqual({
      'image:simulator': { ok: false, message: 'The image service (Glance) is unavailable. Try again in a moment.' },
    });

    replaceFaults(stack.simulator.faults, {});
    expect((await readyz()).status).toBe(200);
  });

  it('gives up on a service that does not answer within its short time limit', async () => {
    // Signed in by the test before: the catalog is known.
    stack.simulator.faults.network = { latencyMs: 10_000 };
    const started = performance.now();
    const { status, body } = await readyz();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(status).toBe(503);
    expect(failing(body.checks)).toEqual({
      'network:simulator': { ok: false, message: 'The network service (Neutron) cannot be reached. Try again in a moment.' },
    });
  });
});
