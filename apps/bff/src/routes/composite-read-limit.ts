import type { RequestHandler } from 'express';
import {
  rateLimit,
  type AugmentedRequest,
  type IncrementResponse,
  type Options,
  type Store,
} from 'express-rate-limit';
import type { CounterStore } from '../auth/login-limiter';
import type { Clock } from '../http/clock';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';

/**
 * Per-session rate limit on the composite reads (issue #14, item 6: 500 dashboard calls in 2.4 s made 242
 * upstream calls). express-rate-limit does the bookkeeping and the standard `RateLimit` headers; its
 * counts live in the console's own counter store, so replicas share them through Redis and tests move
 * time with a manual clock.
 */

const WINDOW_MS = 60_000;

/** express-rate-limit's store interface over the console's fixed-window counters. */
export class CounterStoreAdapter implements Store {
  readonly localKeys = false;
  readonly prefix = 'composite:';
  #windowMs = WINDOW_MS;

  constructor(private readonly counters: CounterStore) {}

  init(options: Options): void {
    this.#windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const { count, resetAt } = await this.counters.hit(this.prefix + key, this.#windowMs);
    return { totalHits: count, resetTime: new Date(resetAt) };
  }

  async decrement(key: string): Promise<void> {
    await this.counters.undo(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.prefix + key);
  }
}

const secondsUntil = (clock: Clock, resetTime: Date | undefined): number =>
  Math.max(1, Math.ceil(((resetTime?.getTime() ?? clock.now() + WINDOW_MS) - clock.now()) / 1000));

/**
 * One budget per session for every composite read (dashboard and instances-by-tag together). Mount after
 * the route's authorisation, so only signed-in, allowed callers are counted.
 */
export function compositeReadLimit(ctx: AppContext): (route: string) => RequestHandler {
  const limit = ctx.config.limits.compositeReadsPerMinute;
  const limiter = rateLimit({
    windowMs: WINDOW_MS,
    limit,
    store: new CounterStoreAdapter(ctx.counters),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    identifier: 'composite-reads',
    // The session's store key (a hash, never the cookie); routes behind authorize() always have one.
    keyGenerator: (_req, res) => `s:${String(res.locals.session?.key)}`,
    retryAfter: (req) => secondsUntil(ctx.clock, (req as AugmentedRequest).rateLimit?.resetTime),
    handler: (req, res) => {
      ctx.metrics.rateLimited.inc({ route: String(res.locals.rateLimitedRoute ?? 'composite') });
      const seconds = secondsUntil(ctx.clock, (req as AugmentedRequest).rateLimit?.resetTime);
      sendError(
        res,
        429,
        'RATE_LIMITED',
        `Too many dashboard and tag reads from this session: at most ${limit} a minute. Try again in ${seconds} s.`,
      );
    },
    // The key is the session, not the address: the proxy and address checks do not apply.
    validate: { trustProxy: false, xForwardedForHeader: false, ip: false, keyGeneratorIpFallback: false },
  });
  return (route) => (req, res, next) => {
    res.locals.rateLimitedRoute = route;
    void limiter(req, res, next);
  };
}
