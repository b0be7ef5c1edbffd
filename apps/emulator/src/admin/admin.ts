import { z } from 'zod';
import { isoSeconds } from '../clock/clock';
import { faultInputSchema } from '../faults/faults';
import { jobsCollection } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import { ApiError } from '../http/errors';
import type { RequestLog } from '../http/request-log';
import type { SeedName } from '../seed-data/seed';

export interface AdminDeps {
  rt: EmulatorRuntime;
  requestLog: RequestLog;
  /** Wipes the store and loads a seed again. */
  reset: (seed: SeedName) => void;
  currentSeed: () => SeedName;
  /** Operation ids with a descriptor but no handler yet (answered with 501). */
  unimplemented: () => string[];
  implemented: () => string[];
}

const advanceSchema = z.strictObject({
  ms: z
    .number()
    .int()
    .min(0)
    .max(400 * 24 * 3600_000),
});
const revokeSchema = z.strictObject({ token: z.string().min(1).optional(), all: z.boolean().optional() });
const resetSchema = z.strictObject({ seed: z.string().optional() }).optional();

function parse<T extends z.ZodType>(schema: T, raw: Buffer): z.output<T> {
  let value: unknown = undefined;
  const text = raw.toString('utf8').trim();
  if (text) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'DBS.200001', 'The request body is not valid JSON.');
    }
  }
  const r = schema.safeParse(value ?? (schema.safeParse(undefined).success ? undefined : {}));
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ApiError(400, 'DBS.200001', `${i.path.join('.') || 'body'}: ${i.message}`);
  }
  return r.data;
}

/**
 * The emulator's own control API under `/__emulator` (only with `--admin`): fault injection, the clock,
 * reset, issued tokens, counts and the recent request log. Not part of the GaussDB API; no auth (local use).
 */
export class AdminApi {
  constructor(private readonly d: AdminDeps) {}

  async handle(method: string, url: URL, raw: Buffer): Promise<{ status: number; body: unknown }> {
    const { rt } = this.d;
    const path = url.pathname.replace(/\/+$/, '');
    const key = `${method} ${path}`;
    switch (key) {
      case 'GET /__emulator':
        return ok({
          endpoints: [
            'GET|POST|DELETE /__emulator/faults',
            'DELETE /__emulator/faults/{id}',
            'GET /__emulator/clock',
            'POST /__emulator/clock/advance {ms}',
            'POST /__emulator/reset {seed?}',
            'GET /__emulator/tokens',
            'POST /__emulator/tokens/revoke {token?|all}',
            'GET /__emulator/state',
            'GET|DELETE /__emulator/requests',
          ],
        });
      case 'GET /__emulator/faults':
        return ok({ faults: rt.faults.list() });
      case 'POST /__emulator/faults': {
        const input = parse(faultInputSchema, raw);
        if (input.failJob) rt.jobs.planFailure(input.failJob, input.error_msg ?? 'Injected job failure.');
        return { status: 201, body: { fault: rt.faults.add(input) } };
      }
      case 'DELETE /__emulator/faults':
        return ok({ cleared: rt.faults.clear() });
      case 'GET /__emulator/clock':
        return ok(this.clockState());
      case 'POST /__emulator/clock/advance': {
        const { ms } = parse(advanceSchema, raw);
        rt.clock.advance(ms);
        rt.jobs.tick();
        return ok(this.clockState());
      }
      case 'POST /__emulator/reset': {
        const body = parse(resetSchema, raw);
        const seed = body?.seed ?? this.d.currentSeed();
        if (!/^(demo|empty|scale:\d+)$/.test(seed))
          throw new ApiError(400, 'DBS.200001', 'seed: must be demo, empty or scale:N');
        this.d.reset(seed as SeedName);
        return ok({ reset: true, seed });
      }
      case 'GET /__emulator/tokens':
        return ok({ tokens: rt.auth.list() });
      case 'POST /__emulator/tokens/revoke': {
        const body = parse(revokeSchema, raw);
        if (!body.token && !body.all)
          throw new ApiError(400, 'DBS.200001', 'send {"token": "..."} or {"all": true}');
        return ok({ revoked: rt.auth.revoke(body.all ? undefined : body.token) });
      }
      case 'GET /__emulator/state':
        return ok(this.state());
      case 'GET /__emulator/requests': {
        const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
        return ok({ requests: this.d.requestLog.list(limit) });
      }
      case 'DELETE /__emulator/requests':
        this.d.requestLog.clear();
        return ok({ cleared: true });
    }
    const faultId = /^\/__emulator\/faults\/([^/]+)$/.exec(path);
    if (faultId && method === 'DELETE')
      return ok({ cleared: rt.faults.clear(decodeSegment(faultId[1]!, 'fault id')) });
    throw new ApiError(404, 'APIGW.0101', `No admin endpoint ${method} ${path}; GET /__emulator lists them.`);
  }

  private clockState() {
    const { clock } = this.d.rt;
    const now = clock.now();
    return { now, iso: isoSeconds(now), mode: clock.mode, speed: clock.speed };
  }

  private state() {
    const { rt } = this.d;
    const jobs = rt.store.collection(jobsCollection);
    return {
      clock: this.clockState(),
      seed: this.d.currentSeed(),
      projects: rt.projects.map((p) => ({ id: p.id, name: p.name, region: p.region, role: p.role })),
      counts: rt.store.counts(),
      jobs: {
        running: jobs.count({ where: [{ col: 'status', op: '=', value: 'Running' }] }),
        completed: jobs.count({ where: [{ col: 'status', op: '=', value: 'Completed' }] }),
        failed: jobs.count({ where: [{ col: 'status', op: '=', value: 'Failed' }] }),
      },
      faults: rt.faults.list().length,
      activity: rt.activity?.state() ?? { enabled: false },
      operations: { implemented: this.d.implemented(), unimplemented: this.d.unimplemented() },
    };
  }
}

/** A path segment decoded, or a 400 naming it: a bad percent-escape is the caller's mistake, not a server failure. */
function decodeSegment(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(
      400,
      'DBS.200001',
      `${name}: "${segment}" is not a valid percent-encoded path segment.`,
    );
  }
}

const ok = (body: unknown) => ({ status: 200, body });
