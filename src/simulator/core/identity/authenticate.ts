import { proveMethod, type IdentityClaims, type MethodContext, type MethodProof } from './auth-methods';
import { unauthorized } from './errors';
import { findUser } from './lookup';
import { satisfiesMfaRules, type IssuedReceipt, type ReceiptService } from './mfa';
import type { ScopeRequest } from './scope';
import type { IssuedToken } from './tokens';

/** POST /v3/auth/tokens as the core sees it: the methods listed, their data, the scope and any receipt. */
export interface AuthAttempt extends IdentityClaims {
  methods: string[];
  scope: ScopeRequest;
  /** The `Openstack-Auth-Receipt` header of a multi-factor login's second step. */
  receipt?: string | undefined;
}

export type AuthOutcome = { kind: 'token'; issued: IssuedToken } | { kind: 'receipt'; receipt: IssuedReceipt };

/**
 * keystone.api._shared.authentication.authenticate_for_token: every listed method must pass and
 * prove the same user; a receipt adds the methods passed before; a multi-factor user whose methods
 * meet no rule gets a receipt instead of a token.
 */
export async function authenticate(
  context: Omit<MethodContext, 'scopeRequested'> & { receipts: ReceiptService },
  attempt: AuthAttempt,
): Promise<AuthOutcome> {
  const methodContext: MethodContext = { ...context, scopeRequested: attempt.scope !== 'default' };
  const proofs: MethodProof[] = [];
  for (const method of new Set(attempt.methods)) proofs.push(await proveMethod(methodContext, method, attempt));

  const userIds = new Set(proofs.map((proof) => proof.userId));
  const [userId] = userIds;
  const user = userId === undefined ? undefined : findUser(context.store, { id: userId });
  if (!user || userIds.size > 1) throw unauthorized('The methods do not prove one enabled user');

  const earlier = attempt.receipt === undefined ? [] : context.receipts.redeem(attempt.receipt, user.id);
  // Keystone builds the method list from a set.
  const methods = [...new Set([...proofs.flatMap((proof) => proof.methods), ...earlier])];
  if (!satisfiesMfaRules(user, methods)) return { kind: 'receipt', receipt: context.receipts.issue(user, methods) };

  const credential = proofs.find((proof) => proof.applicationCredential)?.applicationCredential;
  const issued = context.tokens.issue({
    user,
    methods,
    // An application credential's token is always scoped to the credential's project.
    scope: credential ? { project: { id: credential.projectId } } : attempt.scope,
    chain: proofs.find((proof) => proof.chain)?.chain,
    applicationCredentialId: credential?.id,
  });
  return { kind: 'token', issued };
}
