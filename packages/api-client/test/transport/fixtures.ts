// Small descriptors and a request builder shared by the transport tests; they stand in for the registry,
// which other work fills in.
import { z } from 'zod';
import { defineOperation } from '../../src/operations/define';
import type { OperationDescriptor } from '../../src/operations/define';
import type { TransportRequest, TransportResponse } from '../../src/transport/types';

export const getThing = defineOperation({
  id: 'getThing',
  section: 't.1',
  title: 'Get a thing',
  titleZh: '获取',
  area: 'instances',
  method: 'GET',
  path: '/v3/{project_id}/things/{thing_id}',
  pathParams: z.strictObject({ thing_id: z.string().min(1) }),
  response: z.looseObject({ thing: z.looseObject({ id: z.string(), size: z.number() }) }),
  successStatus: 200,
});

export const createThing = defineOperation({
  id: 'createThing',
  section: 't.2',
  title: 'Create a thing',
  titleZh: '创建',
  area: 'instances',
  method: 'POST',
  path: '/v3/{project_id}/things',
  body: z.strictObject({ name: z.string().min(4) }),
  response: z.looseObject({ job_id: z.string() }),
  successStatus: 202,
});

export function request(
  descriptor: OperationDescriptor,
  overrides: Partial<TransportRequest> = {},
): TransportRequest {
  return {
    operationId: descriptor.id,
    descriptor,
    method: descriptor.method,
    url: new URL('http://127.0.0.1:1/v3/p/things'),
    headers: { 'Content-Type': 'application/json' },
    body: undefined,
    signal: undefined,
    projectId: 'p',
    ...overrides,
  };
}

export function response(
  status: number,
  body: unknown = {},
  headers: Record<string, string> = {},
): TransportResponse {
  return {
    status,
    headers: new Headers(headers),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
