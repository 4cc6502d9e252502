import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from './errors';
import { identityUnavailableMessage, messageFor } from './messages';

const apiError = (init: Partial<ApiErrorInit> & Pick<ApiErrorInit, 'code'>) =>
  new ApiError({ message: 'server words', status: 400, ...init });

describe('messageFor', () => {
  it('words known codes itself', () => {
    expect(messageFor(apiError({ code: 'auth.invalid_credentials', status: 401 }))).toBe(
      'The username, password or domain is not correct.',
    );
    expect(messageFor(apiError({ code: 'network', status: 0 }))).toMatch(/cannot be reached/);
  });

  it('uses params when the BFF sends them', () => {
    expect(messageFor(apiError({ code: 'auth.rate_limited', params: { retryAfter: 30 } }))).toBe(
      'Too many sign-in attempts. Try again in 30 seconds.',
    );
    expect(messageFor(apiError({ code: 'upstream.unavailable', params: { service: 'compute' } }))).toBe(
      'The compute service (Nova) cannot be reached. Try again in a moment.',
    );
  });

  it("falls back to the server's message", () => {
    expect(messageFor(apiError({ code: 'unknown', message: 'Quota exceeded' }))).toBe('Quota exceeded');
    expect(messageFor(apiError({ code: 'upstream.unavailable', message: 'The image service (Glance) is down.' }))).toBe(
      'The image service (Glance) is down.',
    );
  });

  it('takes per-screen wording', () => {
    const error = apiError({ code: 'upstream.unavailable', status: 503 });
    expect(messageFor(error, { 'upstream.unavailable': identityUnavailableMessage })).toBe(identityUnavailableMessage);
  });

  it('never shows a bare status', () => {
    const error = apiError({ code: 'unknown', message: '', status: 418 });
    expect(messageFor(error)).not.toMatch(/418/);
    expect(messageFor(new Error('TypeError: x is undefined'))).toBe('Something went wrong. Try again in a moment.');
  });
});
