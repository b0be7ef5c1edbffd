import { describe, expect, it } from 'vitest';
import { composePipeline } from '../../src/transport/pipeline';
import type { Step } from '../../src/transport/types';
import { getThing, request, response } from './fixtures';

describe('composePipeline', () => {
  it('runs steps outermost first on the way in and in reverse on the way out', async () => {
    const trace: string[] = [];
    const step =
      (name: string): Step =>
      (next) =>
      async (req) => {
        trace.push(`in:${name}`);
        const res = await next(req);
        trace.push(`out:${name}`);
        return res;
      };
    const handler = composePipeline([step('a'), step('b')], async () => {
      trace.push('fetch');
      return response(200);
    });
    await handler(request(getThing));
    expect(trace).toEqual(['in:a', 'in:b', 'fetch', 'out:b', 'out:a']);
  });

  it('is the terminal handler itself when there are no steps', async () => {
    const handler = composePipeline([], async () => response(204, ''));
    await expect(handler(request(getThing))).resolves.toMatchObject({ status: 204 });
  });
});
