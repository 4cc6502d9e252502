import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';

/** Where sign-in attempts are counted; one window of a minute for all three counts. */
const windowSeconds = 60;

/**
 * Sign-in attempts, counted three ways so that no way of guessing goes unlimited: per address and
 * user name (one person at one keyboard, `perPair` a minute), per address across user names
 * (password spraying from one machine), and per user name across addresses (one account guessed
 * from many). The last two allow twice `perPair`: a classroom behind one NAT, or a user with a
 * laptop and a phone, still gets in.
 *
 * Every attempt takes its points before Keystone is asked, so parallel guesses cannot overtake
 * the count, and gives them back when it signs in: only failures and attempts in flight count.
 * Nothing depends on whether the user exists: a 429 comes before Keystone, worded the same for
 * every name.
 */
export class LoginLimiter {
  private readonly counts: ReadonlyArray<{ limiter: RateLimiterMemory; key: (address: string, name: string) => string }>;

  constructor(perPair: number) {
    const limiter = (points: number, keyPrefix: string) => new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix });
    this.counts = [
      { limiter: limiter(perPair, 'login-pair'), key: (address, name) => `${address}|${name}` },
      { limiter: limiter(perPair * 2, 'login-address'), key: (address) => address },
      { limiter: limiter(perPair * 2, 'login-name'), key: (_address, name) => name },
    ];
  }

  /** Takes an attempt, or throws the 429 saying how many seconds to wait (also as `params.retryAfter`). */
  async take(address: string, username: string): Promise<void> {
    const name = normalised(username);
    const taken = await Promise.allSettled(this.counts.map(({ limiter, key }) => limiter.consume(key(address, name))));
    const refused = taken.flatMap((t) => (t.status === 'rejected' ? [t.reason] : []));
    if (refused.length === 0) return;
    // A refusal must not use up the other counts: give back what this attempt took.
    await Promise.all(this.counts.map(({ limiter, key }, i) => (taken[i]?.status === 'fulfilled' ? limiter.reward(key(address, name)) : undefined)));
    const waits = refused.map((r) => {
      if (r instanceof RateLimiterRes) return r.msBeforeNext;
      throw r;
    });
    const seconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new AppError(429, 'auth.rate_limited', `Too many sign-in attempts. Try again in ${seconds} s.`, { params: { retryAfter: seconds } });
  }

  /** A sign-in went through: its attempt no longer counts against the address or the name. */
  async succeeded(address: string, username: string): Promise<void> {
    const name = normalised(username);
    await Promise.all(this.counts.map(({ limiter, key }) => limiter.reward(key(address, name))));
  }
}

function normalised(username: string): string {
  return username.trim().toLowerCase().slice(0, 255);
}
