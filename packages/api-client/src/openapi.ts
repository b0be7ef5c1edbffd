import { z } from 'zod';
import type { OperationDescriptor } from './operations/define';
import { dbsCodeRegistry } from './schema/error-codes';

/**
 * OpenAPI 3.1 built from the descriptors: the same schemas that validate requests document them. The
 * tenant (PDB) API has no public specification; this is the only machine-readable one.
 */

type JsonSchema = Record<string, unknown>;
type Doc = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const meta = dbsCodeRegistry.get(ctx.zodSchema as unknown as z.ZodType);
      if (meta) (ctx.jsonSchema as JsonSchema)['x-dbs-code'] = meta.dbsCode;
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

function isUndefined(schema: z.ZodType): boolean {
  return (schema as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'undefined';
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error_code', 'error_msg'],
  properties: {
    error_code: { type: 'string', examples: ['DBS.200001'] },
    error_msg: { type: 'string' },
  },
};

function parametersOf(op: OperationDescriptor): JsonSchema[] {
  const params: JsonSchema[] = [];
  if (!op.projectless && op.path.includes('{project_id}')) {
    params.push({
      name: 'project_id',
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: '^[A-Za-z0-9]{32}$' },
    });
  }
  const pathSchema = toSchema(op.pathParams, 'input');
  for (const [name, s] of Object.entries((pathSchema.properties ?? {}) as Record<string, JsonSchema>)) {
    params.push({ name, in: 'path', required: true, schema: s });
  }
  const querySchema = toSchema(op.query, 'input');
  const required = new Set((querySchema.required ?? []) as string[]);
  for (const [name, s] of Object.entries((querySchema.properties ?? {}) as Record<string, JsonSchema>)) {
    params.push({ name, in: 'query', required: required.has(name), schema: s });
  }
  params.push({
    name: 'X-Language',
    in: 'header',
    required: false,
    schema: { type: 'string', enum: ['en-us', 'zh-cn'] },
    description: 'Language of error messages.',
  });
  return params;
}

function operationObject(op: OperationDescriptor, sharing: OperationDescriptor[]): Doc {
  const all = [op, ...sharing];
  const bodies = all.filter((o) => !isUndefined(o.body)).map((o) => toSchema(o.body, 'input'));
  const responses = all.map((o) => toSchema(o.response, 'output'));
  const described = [
    `${op.titleZh} (section ${op.section}).`,
    ...sharing.map(
      (o) => `Shares this route with ${o.section} ${o.id} (${o.title}); the body tells them apart.`,
    ),
    op.aliases.length ? `Also accepted by the emulator: ${op.aliases.join(', ')}.` : '',
    op.job
      ? `Starts the job ${op.job.names.join(' / ')}${op.job.nameIsExtension ? ' (name not stated by the reference)' : ''}.`
      : '',
    op.notes ?? '',
  ].filter(Boolean);
  const doc: Doc = {
    operationId: op.id,
    summary: op.title,
    description: described.join('\n\n'),
    tags: [op.area],
    parameters: parametersOf(op),
    responses: {
      [String(op.successStatus)]: {
        description: 'Success',
        content: {
          'application/json': { schema: responses.length === 1 ? responses[0] : { oneOf: responses } },
        },
      },
      default: {
        description: 'Error with a DBS code',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
    'x-section': all.map((o) => o.section).join(', '),
    'x-idempotent': op.idempotent,
    'x-destructive': op.destructive,
  };
  if (op.job) doc['x-job-names'] = op.job.names;
  if (op.paging) doc['x-paging'] = op.paging;
  if (bodies.length) {
    doc.requestBody = {
      required: true,
      content: { 'application/json': { schema: bodies.length === 1 ? bodies[0] : { oneOf: bodies } } },
    };
  }
  return doc;
}

export function buildOpenApi(ops: readonly OperationDescriptor[]): Doc {
  const gaussdb = ops.filter((o) => o.service !== 'iam');
  const paths: Record<string, Record<string, Doc>> = {};
  const done = new Set<string>();
  for (const op of gaussdb) {
    if (done.has(op.id)) continue;
    const sharing = gaussdb.filter((o) => o.id !== op.id && o.method === op.method && o.path === op.path);
    sharing.forEach((o) => done.add(o.id));
    done.add(op.id);
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op, sharing);
  }
  const iamPaths: Record<string, Record<string, Doc>> = {};
  for (const op of ops.filter((o) => o.service === 'iam')) {
    (iamPaths[op.path] ??= {})[op.method.toLowerCase()] = {
      ...operationObject(op, []),
      servers: [
        { url: 'https://{iam_endpoint}', variables: { iam_endpoint: { default: 'iam.example.com' } } },
      ],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'GaussDB management API (as implemented by GaussDB Console)',
      version: '2025-04-30',
      description:
        'Generated from the operation descriptors in packages/api-client. Paths are the canonical spellings the client sends; ' +
        'docs/api-decisions.md records every place where the reference is inconsistent and what the contract does.',
    },
    servers: [{ url: 'https://{endpoint}', variables: { endpoint: { default: 'gaussdb.example.com' } } }],
    security: [{ iamToken: [] }, { akSk: [] }],
    tags: [...new Set(ops.map((o) => o.area))].map((name) => ({ name })),
    paths: { ...paths, ...iamPaths },
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        iamToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Auth-Token',
          description: 'IAM token from POST /v3/auth/tokens',
        },
        akSk: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'SDK-HMAC-SHA256 request signature',
        },
      },
    },
  };
}
