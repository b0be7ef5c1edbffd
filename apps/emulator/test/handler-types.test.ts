// Handlers are typed by their operation's descriptor. The `@ts-expect-error` lines below are checked by
// `tsc -b` (npm run typecheck): if the handler typing is loosened, the expected error disappears and the
// type check fails with "Unused '@ts-expect-error' directive".
import { operations } from '@gaussdb-console/api-client';
import { describe, expect, it } from 'vitest';
import '../src/domain/index';
import { numeric, registeredHandlerIds, reply, type HandlerFor } from '../src/http/handlers';

// An answer the descriptor declares: 4.3.1 sends strings.
export const volumeUsageOk: HandlerFor<'getVolumeUsage'> = () => ({ used: '15', total: '185.0' });

// @ts-expect-error 4.3.1 declares `used` a string: a number is another shape.
export const volumeUsageNumber: HandlerFor<'getVolumeUsage'> = () => ({ used: 15, total: '185.0' });

// @ts-expect-error 4.3.1 requires `total`.
export const volumeUsageMissing: HandlerFor<'getVolumeUsage'> = () => ({ used: '15' });

export const tokenWrongReply: HandlerFor<'createIamToken'> = () =>
  // @ts-expect-error a Reply carries the same shape as a plain answer.
  reply(201, { token: { issued_at: 'now' } });

export const listWrongItem: HandlerFor<'listInstances'> = () => ({
  // @ts-expect-error a list item's `id` is a string.
  instances: [{ id: 1, name: 'a', status: 'ACTIVE' }],
  total_count: 1,
});

// @ts-expect-error a job acceptance is `{ job_id, order_id }`: `jobId` is another shape.
export const restartWrongKey: HandlerFor<'restartInstance'> = () => ({ jobId: 'b2f6' });

// A number the reference sends as a string may go out as one, but only as a numeric string.
export const recycleNumeric: HandlerFor<'getRecyclePolicy'> = () => ({
  retention_period_in_days: numeric(7),
});
// @ts-expect-error "seven" is not a numeric string.
export const recycleWord: HandlerFor<'getRecyclePolicy'> = () => ({ retention_period_in_days: 'seven' });

// Inputs are the descriptor's parsed types: a field the body does not declare does not exist.
export const readsDeclared: HandlerFor<'resizeFlavor'> = (ctx) => {
  const ref: string = ctx.body.flavor_ref;
  // @ts-expect-error 4.4.14's body has no `flavor`.
  const wrong: unknown = ctx.body.flavor;
  void wrong;
  return { job_id: ref };
};

describe('handlers typed by the contract', () => {
  it('registers handlers only under operation ids of the contract', () => {
    const known = new Set(Object.keys(operations));
    expect(registeredHandlerIds().filter((id) => !known.has(id))).toEqual([]);
    expect(registeredHandlerIds().length).toBeGreaterThan(100);
  });
});
