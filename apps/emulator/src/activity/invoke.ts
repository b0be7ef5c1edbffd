import { getOperation, type CallInput, type OperationId, type Operations } from '@gaussdb-console/api-client';
import type { Project } from '../auth/projects';
import { getHandler, Reply, type HandlerContext, type ResponseOf } from '../http/handlers';
import { validatePart } from '../http/validate';
import type { EmulatorRuntime } from '../runtime';

/**
 * Runs an operation of the contract as an API call would, without HTTP: the input is validated by the
 * operation's descriptor (the same 400s, the same DBS codes), the operation's registered handler does the work
 * in one transaction (all or nothing), and its answer comes back. The background activity acts only this way,
 * so it obeys every guard and state machine a console user meets.
 */
export function invokeOperation<Id extends OperationId>(
  rt: EmulatorRuntime,
  project: Project,
  id: Id,
  input: CallInput<Operations[Id]>,
  requestId = 'background',
): ResponseOf<Operations[Id]> {
  const op = getOperation(id);
  const handler = getHandler(id);
  if (!op || !handler) throw new Error(`no operation or handler for ${id}`);
  const given = input as { path?: unknown; query?: unknown; body?: unknown };
  const ctx: HandlerContext = {
    op,
    path: validatePart(op, 'path', op.pathParams, given.path ?? {}),
    query: validatePart(op, 'query', op.query, given.query ?? {}),
    body:
      given.body === undefined && op.body.safeParse(undefined).success
        ? undefined
        : validatePart(op, 'body', op.body, given.body),
    project,
    language: 'en-us',
    requestId,
    rt,
    raw: { method: op.method, path: op.path, headers: {}, rawBody: given.body },
  };
  return rt.store.transaction(() => {
    const result = handler(ctx);
    if (result instanceof Promise)
      throw new Error(
        `${id} answers asynchronously; the background activity runs synchronous operations only`,
      );
    return (result instanceof Reply ? result.body : result) as ResponseOf<Operations[Id]>;
  });
}
