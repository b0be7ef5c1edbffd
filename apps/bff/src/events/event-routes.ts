import { Router } from 'express';
import { rejectUnauthenticated } from '../auth/require-session';
import type { AppContext } from '../http/context';
import type { Upstream } from '../upstream/upstream';
import type { EventHub } from './event-hub';
import type { NumberedEvent } from './event-types';
import { isRefusal } from './stream-slots';
import { sendError } from '../http/errors';

const HEARTBEAT_MS = 15_000;

export interface EventRouteOptions {
  /** How often an idle stream gets a comment line, so proxies and browsers keep it open (default 15 s). */
  heartbeatMs?: number;
}

/**
 * GET /projects/:project/events: Server-Sent Events with ids, Last-Event-ID resume and heartbeats.
 * Viewers and up may listen (the wall screen uses a viewer); tenant users see no project-wide events.
 * Capped per session and per process: 429 TOO_MANY_STREAMS with Retry-After beyond either.
 */
export function eventRoutes(
  ctx: AppContext,
  upstream: Upstream,
  hub: EventHub,
  options: EventRouteOptions = {},
): Router {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const router = Router();
  router.get('/projects/:project/events', async (req, res) => {
    const session = res.locals.session;
    if (!session) return rejectUnauthenticated(res);
    const requestId = res.locals.requestId;
    if (session.user.role === 'tenant') {
      res.status(403).json({
        error: {
          status: 403,
          code: 'FORBIDDEN',
          message: 'Project events are not available to tenant users.',
          requestId,
        },
      });
      return;
    }
    const project = req.params.project;
    if (!upstream.project(project)) {
      res.status(404).json({
        error: {
          status: 404,
          code: 'PROJECT_NOT_FOUND',
          message: `No project named "${project}" is configured.`,
          requestId,
        },
      });
      return;
    }
    // One slot per stream, per session and per process (stream-slots.ts); refused before any byte is streamed.
    let slot;
    try {
      slot = await ctx.streamSlots.acquire(session.key);
    } catch (e) {
      ctx.logger.warn({ err: { message: (e as Error).message } }, 'event stream caps cannot be checked');
      res.setHeader('Retry-After', '5');
      sendError(
        res,
        503,
        'EVENTS_UNAVAILABLE',
        'Live events are unavailable for a moment; the page retries by itself.',
      );
      return;
    }
    if (isRefusal(slot)) {
      ctx.metrics.sseRefused.inc({ scope: slot.scope });
      res.setHeader('Retry-After', String(slot.retryAfterSeconds));
      const message =
        slot.scope === 'session'
          ? `This session already has ${slot.limit} open event streams, the most allowed: close a console tab or window; the page retries by itself.`
          : `The console server already has ${slot.limit} open event streams, its limit; the page retries by itself.`;
      sendError(res, 429, 'TOO_MANY_STREAMS', message);
      return;
    }
    const taken = slot;
    if (req.socket.destroyed) {
      // The browser left while the slot was being taken.
      taken.release();
      return;
    }
    const watcher = hub.watcher(project);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    let closed = false;
    const write = (text: string) => {
      if (!closed) res.write(text);
    };
    const send = (e: NumberedEvent) =>
      write(`id: ${e.seq}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event.data)}\n\n`);
    write('retry: 3000\n\n');
    // Live events that arrive while the replay or the snapshot is read wait here: none lost, none sent twice.
    let pending: NumberedEvent[] | undefined = [];
    const unsubscribe = watcher.subscribe((e) => (pending ? pending.push(e) : send(e)));
    ctx.metrics.sseClients?.inc();
    const heartbeat = setInterval(() => {
      write(`: heartbeat ${new Date().toISOString()}\n\n`);
      taken.refresh();
    }, heartbeatMs);
    req.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      taken.release();
      ctx.metrics.sseClients?.dec();
    });
    const last = Number(req.get('last-event-id'));
    void (async () => {
      await watcher.ready();
      const replay = Number.isInteger(last) && last >= 0 ? await watcher.since(last) : undefined;
      let after = -1;
      if (replay) {
        replay.forEach(send);
        after = replay.at(-1)?.seq ?? last;
      } else {
        write(`event: snapshot\ndata: ${JSON.stringify({ jobs: await watcher.snapshot() })}\n\n`);
      }
      for (const e of pending ?? []) if (e.seq > after) send(e);
      pending = undefined;
    })().catch((e: unknown) => {
      // The event store is unreachable: end the stream; the browser reconnects after `retry`.
      ctx.logger.warn({ err: { message: (e as Error).message }, project }, 'event stream could not start');
      pending = undefined;
      res.end();
    });
  });
  return router;
}
