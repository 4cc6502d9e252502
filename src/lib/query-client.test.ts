import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiErrorCode } from './errors';
import { createQueryClient, shouldRetry } from './query-client';

const error = (code: ApiErrorCode, status: number) => new ApiError({ code, status, message: 'x' });

describe('shouldRetry', () => {
  it.each([
    ['network', 0, true],
    ['upstream.unavailable', 503, true],
    ['internal', 500, true],
    ['auth.unauthenticated', 401, false],
    ['not_found', 404, false],
    ['auth.rate_limited', 429, false],
    ['response.invalid', 200, false],
    ['aborted', 0, false],
  ] as const)('%s (%i) → %s', (code, status, expected) => {
    expect(shouldRetry(0, error(code, status))).toBe(expected);
  });

  it('stops after two retries and never retries a programming error', () => {
    expect(shouldRetry(2, error('network', 0))).toBe(false);
    expect(shouldRetry(0, new TypeError('bug'))).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('reports a lost session from any query', async () => {
    const onSessionLost = vi.fn();
    const client = createQueryClient({ onSessionLost });
    const expired = error('auth.session_expired', 401);
    await client.fetchQuery({ queryKey: ['a'], queryFn: () => Promise.reject(expired) }).catch(() => undefined);
    await client.fetchQuery({ queryKey: ['b'], queryFn: () => Promise.reject(error('not_found', 404)) }).catch(() => undefined);
    expect(onSessionLost).toHaveBeenCalledTimes(1);
    expect(onSessionLost).toHaveBeenCalledWith(expired);
  });
});
