import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../core/clock';
import { totpCode } from '../core/identity/totp';
import { demoApplicationCredential, mfaTotpSecret, projectIds, userIds } from '../core/seed';
import { startSimulator, type Simulator } from '../index';
import { demoUser, issueToken, methodsAuth, passwordAuth, postToken } from '../testing/keystone-client';

// Application credentials and TOTP with receipts, over HTTP, on a virtual clock (receipts expire).
const clock = createClock({ virtual: true });
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ clock, seed: { servers: 5 } });
});
afterAll(() => sim.close());

const unauthorizedBody = {
  error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
};
const { id: credentialId, name: credentialName, secret } = demoApplicationCredential;
const byId = { id: credentialId, secret };
const mfaUser = { name: 'mfa', domain: { name: 'Default' }, password: 'mfa' };
const currentCode = (offsetMs = 0): Promise<string> => totpCode(mfaTotpSecret, clock.now() + offsetMs);
const totp = (passcode: string) => ({ user: { id: userIds.mfa, passcode } });
const receiptHeader = (receipt: string) => ({ 'openstack-auth-receipt': receipt });

async function errorOf(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

describe('application credentials', () => {
  it('scopes the token to the credential’s project with only its roles, by id', async () => {
    const { token } = await issueToken(sim.authUrl, methodsAuth({ application_credential: byId }));
    expect(token.methods).toEqual(['application_credential']);
    expect(token.application_credential).toEqual({ id: credentialId, name: credentialName, restricted: true });
    expect(token.user.name).toBe('demo');
    expect(token.project).toMatchObject({ id: projectIds.demo, name: 'demo' });
    // demo's own password token also has `reader` (implied by member); the credential saved member only.
    expect(token.roles?.map((r) => r.name)).toEqual(['member']);
    expect(token.catalog?.length).toBe(4);
  });

  it('finds the credential by name with the user given by id, or by name and domain', async () => {
    for (const user of [{ id: userIds.demo }, { name: 'demo', domain: { name: 'Default' } }, { name: 'demo', domain: { id: 'default' } }]) {
      const { token } = await issueToken(sim.authUrl, methodsAuth({ application_credential: { name: credentialName, secret, user } }));
      expect(token.application_credential?.id).toBe(credentialId);
    }
  });

  it('refuses a wrong secret or an unknown name with the generic 401, and an unknown id or user with a 404', async () => {
    for (const claim of [
      { id: credentialId, secret: 'wrong' },
      { name: 'nope', secret, user: { id: userIds.demo } },
      { name: credentialName, secret, user: { id: userIds.admin } },
    ]) {
      const response = await postToken(sim.authUrl, methodsAuth({ application_credential: claim }));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(unauthorizedBody);
    }
    const unknownId = await postToken(sim.authUrl, methodsAuth({ application_credential: { id: 'f00', secret } }));
    expect(await errorOf(unknownId)).toEqual({ status: 404, message: 'Could not find Application Credential: f00.' });
    const unknownUser = await postToken(
      sim.authUrl,
      methodsAuth({ application_credential: { name: credentialName, secret, user: { name: 'ghost', domain: { id: 'default' } } } }),
    );
    expect(await errorOf(unknownUser)).toEqual({ status: 404, message: 'Could not find user: ghost.' });
  });

  it('refuses any scope with a 401 that says why', async () => {
    for (const scope of [{ project: { id: projectIds.demo } }, 'unscoped']) {
      const response = await postToken(sim.authUrl, methodsAuth({ application_credential: byId }, scope));
      expect(await errorOf(response)).toEqual({
        status: 401,
        message: 'Error authenticating with application credential: Application credentials cannot request a scope.',
      });
    }
  });

  it('forbids rescoping its token, but trades it for the same scope', async () => {
    const original = await issueToken(sim.authUrl, methodsAuth({ application_credential: byId }));
    const rescope = (scope?: unknown) => methodsAuth({ token: { id: original.id } }, scope);

    const refused = await postToken(sim.authUrl, rescope({ project: { id: projectIds.demoStaging } }));
    expect(await errorOf(refused)).toEqual({
      status: 403,
      message:
        'You are not authorized to perform the requested action: ' +
        'Using an application credential token to create a scoped token is not allowed..',
    });

    const traded = await issueToken(sim.authUrl, rescope());
    expect(traded.token.project?.id).toBe(projectIds.demo);
    expect(traded.token.application_credential?.id).toBe(credentialId);
    expect([...traded.token.methods].sort()).toEqual(['application_credential', 'token']);
    expect(traded.token.expires_at).toBe(original.token.expires_at);
  });
});

describe('TOTP as a second factor, with receipts', () => {
  async function receiptFor(body: unknown): Promise<{ id: string; body: Record<string, unknown> }> {
    const response = await postToken(sim.authUrl, body);
    expect(response.status).toBe(401);
    const id = response.headers.get('openstack-auth-receipt');
    if (!id) throw new Error('no Openstack-Auth-Receipt header');
    return { id, body: (await response.json()) as Record<string, unknown> };
  }

  it('answers a correct password alone with a receipt shaped as Keystone’s', async () => {
    const { id, body } = await receiptFor(passwordAuth(mfaUser));
    expect(id).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    expect(body).toEqual({
      receipt: {
        expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
        issued_at: expect.any(String),
        methods: ['password'],
        user: { domain: { id: 'default', name: 'Default' }, id: userIds.mfa, name: 'mfa' },
      },
      required_auth_methods: [['password', 'totp']],
    });
    const { receipt } = body as { receipt: { expires_at: string; issued_at: string } };
    expect(Date.parse(receipt.expires_at) - Date.parse(receipt.issued_at)).toBe(300_000);
  });

  it('issues the token for the receipt plus a TOTP code, with both methods', async () => {
    const receipt = await receiptFor(passwordAuth(mfaUser));
    const { token } = await issueToken(sim.authUrl, methodsAuth({ totp: totp(await currentCode()) }), '', receiptHeader(receipt.id));
    expect([...token.methods].sort()).toEqual(['password', 'totp']);
    expect(token.user.name).toBe('mfa');
    expect(token.project?.id).toBe(projectIds.demo);
  });

  it('issues the token for password and TOTP in one request, the previous step’s code too', async () => {
    const body = methodsAuth({ password: { user: mfaUser }, totp: totp(await currentCode(-30_000)) });
    const { token } = await issueToken(sim.authUrl, body);
    expect([...token.methods].sort()).toEqual(['password', 'totp']);
  });

  it('gives a TOTP code alone a receipt too, which a password then completes', async () => {
    const receipt = await receiptFor(methodsAuth({ totp: totp(await currentCode()) }));
    expect(receipt.body).toMatchObject({ receipt: { methods: ['totp'] } });
    const { token } = await issueToken(sim.authUrl, passwordAuth(mfaUser), '', receiptHeader(receipt.id));
    expect([...token.methods].sort()).toEqual(['password', 'totp']);
  });

  it('refuses a wrong or stale code with the generic 401', async () => {
    for (const passcode of ['000000', await currentCode(-60_000)]) {
      const response = await postToken(sim.authUrl, methodsAuth({ password: { user: mfaUser }, totp: totp(passcode) }));
      expect(response.status).toBe(401);
      expect(response.headers.get('openstack-auth-receipt')).toBeNull();
      expect(await response.json()).toEqual(unauthorizedBody);
    }
  });

  it('refuses an unknown, expired or someone else’s receipt with ReceiptNotFound', async () => {
    const secondStep = async (receipt: string, body?: unknown) =>
      errorOf(await postToken(sim.authUrl, body ?? methodsAuth({ totp: totp(await currentCode()) }), '', receiptHeader(receipt)));

    expect(await secondStep('bogus')).toEqual({ status: 401, message: 'Could not find auth receipt: bogus.' });

    const mfaReceipt = await receiptFor(passwordAuth(mfaUser));
    expect(await secondStep(mfaReceipt.id, passwordAuth(demoUser))).toEqual({
      status: 401,
      message: `Could not find auth receipt: ${mfaReceipt.id}.`,
    });

    const fresh = await receiptFor(passwordAuth(mfaUser));
    clock.advance(300_000);
    expect(await secondStep(fresh.id)).toEqual({ status: 401, message: `Could not find auth receipt: ${fresh.id}.` });
  });
});
