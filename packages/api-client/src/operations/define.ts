import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Feature areas, named after the reference's chapters; the BFF and the web group routes and pages by them. */
export type OperationArea =
  | 'versions'
  | 'flavors'
  | 'storage'
  | 'instances'
  | 'parameters'
  | 'upgrade'
  | 'backups'
  | 'logs'
  | 'databases'
  | 'tenants'
  | 'tags'
  | 'tasks'
  | 'recycle-bin'
  | 'legacy'
  | 'iam';

/** How a list endpoint pages: `offset` counts rows, `page` means `offset` is a 0-based page index. */
export interface PagingSpec {
  kind: 'offset' | 'page';
  /** Response key holding the items. */
  itemsKey: string;
  /** Response key holding the total count (absent: stop when a page is short). */
  totalKey?: string;
  /** Largest `limit` the reference allows. */
  maxLimit: number;
  /** Name of the page-size parameter (`limit` everywhere in this API so far). */
  limitParam?: string;
  /** Name of the offset parameter. */
  offsetParam?: string;
}

/** The background job an operation starts, with the task name `GET /tasks` shows for it. */
export interface JobSpec {
  /** Task names this operation may start (4.4.2 starts one of three, depending on the body). */
  names: readonly string[];
  /** True when the name is ours because the reference states none (see docs/api-decisions.md). */
  nameIsExtension?: boolean;
}

export type AnySchema = z.ZodType;

export interface OperationDescriptor<
  TPath extends AnySchema = AnySchema,
  TQuery extends AnySchema = AnySchema,
  TBody extends AnySchema = AnySchema,
  TResponse extends AnySchema = AnySchema,
> {
  /** camelCase, named after what the API does: the same word in the BFF route, the web hook and the tests. */
  id: string;
  /** Section number in the reference, e.g. "4.4.1"; IAM calls use "iam.1"/"iam.2". */
  section: string;
  title: string;
  titleZh: string;
  area: OperationArea;
  method: HttpMethod;
  /** Canonical path template with its version prefix: the spelling the client sends. */
  path: string;
  /** Other spellings the reference shows; the emulator accepts them all (docs/api-decisions.md). */
  aliases: readonly string[];
  /** Path parameters other than `project_id` (which the client fills in from its configuration). */
  pathParams: TPath;
  query: TQuery;
  /** `z.undefined()` when the operation has no body. */
  body: TBody;
  response: TResponse;
  successStatus: number;
  job?: JobSpec;
  /** Safe to repeat: only these are ever retried by the transport. */
  idempotent: boolean;
  /** True for calls that destroy or replace data; the UI asks for typed confirmation. */
  destructive: boolean;
  paging?: PagingSpec;
  /**
   * For the three pairs of sections that share one method+path: tells whether a body belongs to this
   * operation. The emulator dispatches on it; the client never needs it.
   */
  matchesBody?: (body: unknown) => boolean;
  /** The section this one shares its route with, if any. */
  sharesRouteWith?: string;
  /** Code for a body/query that fails validation where no field-specific code is registered. */
  defaultErrorCode?: string;
  /** Where the call goes: the GaussDB endpoint, or IAM (token/project discovery). */
  service?: 'gaussdb' | 'iam';
  /** True when the path carries no `{project_id}` (4.1.x, 4.4.22, IAM). */
  projectless?: boolean;
  /** Request headers the reference lists for this call beyond the common ones. */
  notes?: string;
}

type DescriptorInput<
  TPath extends AnySchema,
  TQuery extends AnySchema,
  TBody extends AnySchema,
  TResponse extends AnySchema,
> = Omit<
  OperationDescriptor<TPath, TQuery, TBody, TResponse>,
  'aliases' | 'destructive' | 'idempotent' | 'pathParams' | 'query' | 'body'
> & {
  aliases?: readonly string[];
  destructive?: boolean;
  idempotent?: boolean;
  pathParams?: TPath;
  query?: TQuery;
  body?: TBody;
};

export const noParams = z.strictObject({});
export const noBody = z.undefined();

/**
 * Declares an operation. Defaults: no path params / query / body, idempotent iff GET, not destructive.
 * Keeping the schemas' static types lets the client infer every call's input and output.
 */
export function defineOperation<
  TPath extends AnySchema = typeof noParams,
  TQuery extends AnySchema = typeof noParams,
  TBody extends AnySchema = typeof noBody,
  TResponse extends AnySchema = AnySchema,
>(d: DescriptorInput<TPath, TQuery, TBody, TResponse>): OperationDescriptor<TPath, TQuery, TBody, TResponse> {
  return {
    ...d,
    aliases: d.aliases ?? [],
    destructive: d.destructive ?? false,
    idempotent: d.idempotent ?? d.method === 'GET',
    pathParams: (d.pathParams ?? noParams) as TPath,
    query: (d.query ?? noParams) as TQuery,
    body: (d.body ?? noBody) as TBody,
    service: d.service ?? 'gaussdb',
  };
}

export type InputOf<D extends OperationDescriptor> = CallInput<D>;

// `z.strictObject({})` infers `Record<string, never>`: an index signature and nothing to send. A part that may be
// left out (`.optional()`, `.prefault({})`: 4.10.5's filters) is looked at without its `undefined`.
type Slot<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: never }
  : string extends keyof Exclude<T, undefined>
    ? { [P in K]?: T }
    : [keyof Exclude<T, undefined>] extends [never]
      ? { [P in K]?: never }
      : undefined extends T
        ? { [P in K]?: Exclude<T, undefined> }
        : object extends T
          ? { [P in K]?: T }
          : { [P in K]: T };

/** What a typed call takes: `{ path, query, body }`, each present only when the operation has it. */
export type CallInput<D extends OperationDescriptor> = Slot<'path', z.input<D['pathParams']>> &
  Slot<'query', z.input<D['query']>> &
  Slot<'body', z.input<D['body']>>;

export type CallOutput<D extends OperationDescriptor> = z.output<D['response']>;
