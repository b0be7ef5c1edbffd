import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation } from '../../src/operations/define';
import { GaussDbResponseShapeError } from '../../src/transport/errors';
import { parseResponseBody, parseResponseStep } from '../../src/transport/parse-response';
import { getThing, request, response } from './fixtures';

describe('response parsing', () => {
  it('returns the parsed body in data', async () => {
    const res = await parseResponseStep(async () =>
      response(200, { thing: { id: 'a', size: 3, extra: true } }),
    )(request(getThing));
    expect(res.data).toEqual({ thing: { id: 'a', size: 3, extra: true } });
  });

  it('names the operation and the failing field path', () => {
    let error: unknown;
    try {
      parseResponseBody(getThing, response(200, { thing: { id: 'a', size: 'big' } }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GaussDbResponseShapeError);
    expect(error).toMatchObject({ operationId: 'getThing', fieldPath: 'thing.size' });
    expect((error as Error).message).toMatch(/^getThing: unexpected response shape at thing\.size/);
  });

  it('formats array indexes in the field path', () => {
    const listThings = defineOperation({
      id: 'listThings',
      section: 't.3',
      title: 'List',
      titleZh: '列表',
      area: 'instances',
      method: 'GET',
      path: '/v3/{project_id}/things',
      response: z.object({ things: z.array(z.object({ id: z.string() })) }),
      successStatus: 200,
    });
    expect(() => parseResponseBody(listThings, response(200, { things: [{ id: 'a' }, { id: 1 }] }))).toThrow(
      expect.objectContaining({ fieldPath: 'things[1].id' }),
    );
  });

  it('reads an empty body as {} when the schema wants an object', () => {
    const deleteJob = defineOperation({
      id: 'deleteJobLike',
      section: 't.4',
      title: 'Delete',
      titleZh: '删除',
      area: 'tasks',
      method: 'DELETE',
      path: '/v3/{project_id}/jobs',
      response: z.looseObject({}),
      successStatus: 200,
    });
    expect(parseResponseBody(deleteJob, response(200, ''))).toEqual({});
  });

  it('reports a non-JSON success body as a shape error', () => {
    expect(() => parseResponseBody(getThing, response(200, 'OK'))).toThrow(GaussDbResponseShapeError);
  });
});
