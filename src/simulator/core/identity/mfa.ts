import type { Clock } from '../clock';
import { opaqueTokenId } from '../ids';
import { KeystoneError } from './errors';
import { keystoneTime, userRefOf } from './render';
import type { IdentityStore, ReceiptRecord, User } from './store';
import type { KeystoneReceiptBody } from './wire';

/** The auth methods this Keystone has loaded: a rule naming none of them is skipped, as Keystone does. */
const loadedMethods = new Set(['password', 'token', 'totp', 'application_credential']);

/** Keystone's `[receipt] expiration` default: five minutes to come back with the missing method. */
const receiptLifetimeMs = 300_000;

/** The user's rules, each reduced to loaded methods (keystone.auth.core.UserMFARulesValidator). */
function rulesOf(user: User): string[][] {
  if (user.options?.multiFactorAuthEnabled === false) return [];
  return (user.options?.multiFactorAuthRules ?? [])
    .map((rule) => [...new Set(rule)].filter((method) => loadedMethods.has(method)))
    .filter((rule) => rule.length > 0);
}

/** Whether the methods passed so far complete a login: no rules, or one rule fully met. */
export function satisfiesMfaRules(user: User, methods: readonly string[]): boolean {
  const rules = rulesOf(user);
  return rules.length === 0 || rules.some((rule) => rule.every((method) => methods.includes(method)));
}

export interface IssuedReceipt {
  id: string;
  body: KeystoneReceiptBody;
}

export interface ReceiptService {
  /** The 401 that asks for more methods; `required_auth_methods` lists the rules already started. */
  issue(user: User, methods: string[]): IssuedReceipt;
  /** The methods a receipt vouches for; a bad or expired receipt, or another user's, is a 401. */
  redeem(receiptId: string, userId: string): string[];
}

export function createReceiptService(store: IdentityStore, clock: Clock): ReceiptService {
  return {
    issue(user, methods) {
      const now = clock.now();
      for (const [id, old] of store.receipts) if (old.expiresAt <= now) store.receipts.delete(id);
      const record: ReceiptRecord = {
        id: opaqueTokenId(),
        userId: user.id,
        methods,
        issuedAt: now,
        expiresAt: now + receiptLifetimeMs,
      };
      store.receipts.set(record.id, record);
      const required = rulesOf(user).filter((rule) => rule.some((method) => methods.includes(method)));
      return {
        id: record.id,
        body: {
          receipt: {
            expires_at: keystoneTime(record.expiresAt),
            issued_at: keystoneTime(record.issuedAt),
            methods,
            user: userRefOf(store, user),
          },
          required_auth_methods: required,
        },
      };
    },
    redeem(receiptId, userId) {
      const record = store.receipts.get(receiptId);
      if (!record || record.expiresAt <= clock.now() || record.userId !== userId) {
        // ReceiptNotFound's message format is shown even without insecure_debug.
        throw new KeystoneError('unauthorized', `Could not find auth receipt: ${receiptId}.`, { disclosed: true });
      }
      return record.methods;
    },
  };
}
