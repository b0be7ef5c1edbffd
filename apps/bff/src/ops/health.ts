import { Router } from 'express';
import type { Clock } from '../http/clock';

/** One thing /readyz checks: resolves when ready, throws (with a short reason) when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  error?: string;
}

const TIMEOUT_MS = 2_000;
/** How long one round of checks answers every probe (issue #14, item 2: probe amplification). */
export const READINESS_CACHE_MS = 5_000;

async function run(c: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      c.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
      }),
    ]);
    return { name: c.name, ok: true };
  } catch (err) {
    // The reason is short and generic: /readyz is unauthenticated and must not leak connection strings.
    const message = err instanceof Error ? err.message : 'failed';
    return { name: c.name, ok: false, error: message.slice(0, 120).replace(/\w+:\/\/\S+/g, '<url>') };
  } finally {
    clearTimeout(timer);
  }
}

interface Round {
  at: number;
  results: CheckResult[];
}

/**
 * Runs the checks at most once per `cacheMs` however many probes arrive: probes that come while a round
 * runs wait for it, later ones get its result until it is `cacheMs` old. /readyz is unauthenticated, and
 * its upstream check calls the GaussDB API (and IAM, when the token must be renewed), so without this
 * every probe, from anyone, was an upstream call.
 */
export class CachedReadiness {
  #last: Round | undefined;
  #running: Promise<Round> | undefined;

  constructor(
    private readonly checks: readonly ReadinessCheck[],
    private readonly clock: Clock,
    private readonly cacheMs = READINESS_CACHE_MS,
  ) {}

  async results(): Promise<Round> {
    const last = this.#last;
    if (last && this.clock.now() - last.at < this.cacheMs) return last;
    this.#running ??= (async () => {
      try {
        const results = await Promise.all(this.checks.map(run));
        this.#last = { at: this.clock.now(), results };
        return this.#last;
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }
}

/**
 * /healthz: the process answers (liveness). /readyz: every check passes (sessions store, audit store,
 * users file, and whatever the upstream layer registers), else 503 with which one failed and why; the
 * answer is at most `cacheMs` old (`checked_at` says when it was made).
 */
export function healthRoutes(
  checks: readonly ReadinessCheck[],
  clock: Clock,
  cacheMs = READINESS_CACHE_MS,
): Router {
  const readiness = new CachedReadiness(checks, clock, cacheMs);
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const { at, results } = await readiness.results();
    const ok = results.every((r) => r.ok);
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ready' : 'not ready', checks: results, checked_at: new Date(at).toISOString() });
  });
  return router;
}
