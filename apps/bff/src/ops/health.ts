import { Router } from 'express';

/** One thing /readyz checks: resolves when ready, throws (with a short reason) when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const TIMEOUT_MS = 2_000;

async function run(c: ReadinessCheck): Promise<{ name: string; ok: boolean; error?: string }> {
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

/**
 * /healthz: the process answers (liveness). /readyz: every check passes (sessions store, audit store,
 * users file, and whatever the upstream layer registers), else 503 with which one failed.
 */
export function healthRoutes(checks: readonly ReadinessCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(checks.map(run));
    const ok = results.every((r) => r.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', checks: results });
  });
  return router;
}
