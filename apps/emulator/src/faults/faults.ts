import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Fault injection (admin API): make matching requests fail, slow down or drop the connection, so the BFF
 * and the web can be tested against the failures a real control plane produces. Kept in memory: faults are
 * a test fixture, not state.
 */
export const faultInputSchema = z
  .strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', '*']).optional(),
    /**
     * Which requests: an operation id (`listInstances`) or a path pattern where `*` matches one segment and
     * `**` any rest (`/v3.1/*\/instances`, `/v3/**`). Omit for every API request.
     */
    route: z.string().min(1).optional(),
    status: z.number().int().min(100).max(599).optional(),
    error_code: z.string().min(1).optional(),
    error_msg: z.string().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** Sent as `Retry-After` (seconds) with the injected status: a gateway's 429 or 503 says when to come back. */
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Drop the TCP connection without an answer. */
    reset: z.boolean().optional(),
    probability: z.number().min(0).max(1).optional(),
    /** How many matching requests to affect; omit for unlimited. */
    count: z.number().int().min(1).optional(),
    /** Instead of failing the request: make the next job with this task name fail with `error_msg`. */
    failJob: z.string().min(1).optional(),
  })
  .refine(
    (f) => f.status !== undefined || f.latencyMs !== undefined || f.reset === true || f.failJob !== undefined,
    {
      message: 'a fault needs status, latencyMs, reset or failJob',
    },
  );

export type FaultInput = z.output<typeof faultInputSchema>;
export interface Fault extends FaultInput {
  id: string;
  hits: number;
}

export interface FaultDecision {
  latencyMs: number;
  reset: boolean;
  error?: { status: number; error_code: string; error_msg: string; retryAfterSeconds?: number };
}

function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) =>
      seg === '**'
        ? '.*'
        : seg
            .split('*')
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
    )
    .join('/');
  return new RegExp(`^${body}/?$`);
}

export class FaultService {
  private faults: Fault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultInput): Fault {
    const fault: Fault = { ...input, id: randomUUID(), hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(id?: string): number {
    const before = this.faults.length;
    this.faults = id ? this.faults.filter((f) => f.id !== id) : [];
    return before - this.faults.length;
  }

  /** The faults that apply to this request (consuming their counts). */
  decide(method: string, path: string, operationId: string | undefined): FaultDecision | undefined {
    let decision: FaultDecision | undefined;
    for (const f of this.faults) {
      if (f.failJob) continue;
      if (f.method && f.method !== '*' && f.method !== method) continue;
      if (f.route && f.route !== operationId && !patternToRegExp(f.route).test(path)) continue;
      if (f.count !== undefined && f.hits >= f.count) continue;
      if (f.probability !== undefined && this.random() >= f.probability) continue;
      f.hits++;
      decision ??= { latencyMs: 0, reset: false };
      decision.latencyMs += f.latencyMs ?? 0;
      decision.reset ||= f.reset === true;
      if (f.status !== undefined && !decision.error) {
        decision.error = {
          status: f.status,
          error_code: f.error_code ?? (f.status >= 500 ? 'DBS.200005' : 'DBS.200001'),
          error_msg: f.error_msg ?? 'Injected fault.',
          ...(f.retryAfterSeconds !== undefined ? { retryAfterSeconds: f.retryAfterSeconds } : {}),
        };
      }
    }
    this.faults = this.faults.filter((f) => f.count === undefined || f.hits < f.count || f.failJob);
    return decision;
  }
}
