import { describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import { createCloud } from '../cloud';
import { demoApplicationCredential, mfaTotpSecret, projectIds, roleIds, userIds } from '../seed';
import { KeystoneError } from './errors';
import type { AuthAttempt } from './keystone';
import { totpCode } from './totp';

function setup() {
  const clock = createClock({ virtual: true });
  const cloud = createCloud({ clock, seed: { servers: 5 } });
  return { clock, keystone: cloud.keystone, store: cloud.store };
}

const password = (userId: string, secret: string): AuthAttempt => ({
  methods: ['password'],
  password: { userId, password: secret },
  scope: 'default',
});
const { id, secret } = demoApplicationCredential;
const byCredential: AuthAttempt = { methods: ['application_credential'], applicationCredential: { id, secret }, scope: 'default' };

async function failureOf(promise: Promise<unknown>): Promise<KeystoneError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof KeystoneError) return error;
  throw new Error(`expected a KeystoneError, got ${String(error)}`);
}

describe('multi-factor rules', () => {
  it('skips a rule that names no loaded method, and all rules when the option is off', async () => {
    const { keystone, store } = setup();
    const mfa = store.users.get(userIds.mfa);
    if (!mfa) throw new Error('no mfa user in the seed');
    expect((await keystone.authenticate(password(mfa.id, 'mfa'))).kind).toBe('receipt');

    store.users.set(mfa.id, { ...mfa, options: { multiFactorAuthRules: [['password', 'webauthn'], ['u2f']] } });
    expect((await keystone.authenticate(password(mfa.id, 'mfa'))).kind).toBe('token');

    store.users.set(mfa.id, { ...mfa, options: { ...mfa.options, multiFactorAuthEnabled: false } });
    expect((await keystone.authenticate(password(mfa.id, 'mfa'))).kind).toBe('token');
  });

  it('refuses methods that prove different users', async () => {
    const { keystone, clock } = setup();
    const attempt: AuthAttempt = {
      ...password(userIds.demo, 'demo'),
      methods: ['password', 'totp'],
      totp: { user: { id: userIds.mfa }, passcode: await totpCode(mfaTotpSecret, clock.now()) },
    };
    expect((await failureOf(keystone.authenticate(attempt))).kind).toBe('unauthorized');
  });
});

describe('application credential tokens', () => {
  it('stop working when the user no longer holds any of the credential’s roles', async () => {
    const { keystone, store } = setup();
    const outcome = await keystone.authenticate(byCredential);
    if (outcome.kind !== 'token') throw new Error('expected a token');

    const kept = store.assignments.filter((a) => !(a.userId === userIds.demo && a.projectId === projectIds.demo));
    store.assignments.splice(0, store.assignments.length, ...kept, {
      userId: userIds.demo,
      projectId: projectIds.demo,
      roleId: roleIds.reader,
    });
    expect((await failureOf(keystone.authenticate(byCredential))).kind).toBe('unauthorized');
    expect(() => keystone.validateToken(outcome.issued.id)).toThrow(KeystoneError);
  });

  it('stop working when the credential is deleted', async () => {
    const { keystone, store } = setup();
    const outcome = await keystone.authenticate(byCredential);
    if (outcome.kind !== 'token') throw new Error('expected a token');
    store.applicationCredentials.delete(id);
    expect(() => keystone.validateToken(outcome.issued.id)).toThrow('Failed to validate token');
    expect((await failureOf(keystone.authenticate(byCredential))).kind).toBe('not_found');
  });
});
