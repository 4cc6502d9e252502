import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiErrorCode } from './errors';
import { createQueryClient, recoverWhileShown, recoveryDelayMs, shouldRetry } from './query-client';

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

describe('recoverWhileShown', () => {
  it.each([
    ['network', 0, true],
    ['upstream.unavailable', 503, true],
    ['upstream.error', 502, true],
    ['internal', 500, true],
    ['unknown', 408, true],
    ['auth.rate_limited', 429, true],
    ['auth.unauthenticated', 401, false],
    ['not_found', 404, false],
    ['request.invalid', 400, false],
    ['response.invalid', 200, false],
    ['aborted', 0, false],
  ] as const)('%s (%i) → tried again: %s, however many times it failed', (code, status, expected) => {
    expect(recoverWhileShown.retry(0, error(code, status))).toBe(expected);
    expect(recoverWhileShown.retry(50, error(code, status))).toBe(expected);
  });

  it('waits 2 s, 4 s, 8 s, 16 s, then 30 s between tries', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(recoveryDelayMs)).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(recoverWhileShown.retryDelay(2)).toBe(8000);
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
