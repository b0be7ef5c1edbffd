import type { OperationDescriptor, OperationId, Operations } from '@gaussdb-console/api-client';
import type { z } from 'zod';
import type { Project } from '../auth/projects';
import type { EmulatorRuntime } from '../runtime';
import type { Language } from './errors';

/**
 * What a handler receives: the request already routed, authenticated and validated against the operation's
 * descriptor. `path`/`query`/`body` carry the descriptor's parsed (output) types, so a handler reads exactly
 * what the contract validated: no hand-written copy of a body type can drift from the schema.
 */
export interface HandlerContext<D extends OperationDescriptor = OperationDescriptor> {
  op: OperationDescriptor;
  path: z.output<D['pathParams']>;
  query: z.output<D['query']>;
  body: z.output<D['body']>;
  /** The project of the path (or of the credential for projectless routes); undefined only for IAM/version calls. */
  project: Project | undefined;
  language: Language;
  requestId: string;
  rt: EmulatorRuntime;
  /** Raw request facts some handlers need (IAM reads the raw body; nothing else should). */
  raw: {
    method: string;
    path: string;
    headers: Record<string, string | string[] | undefined>;
    rawBody: unknown;
  };
}

/** A handler may return a plain body (sent with the descriptor's `successStatus`) or a `Reply`. */
export class Reply<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const reply = <T>(status: number, body: T, headers?: Record<string, string>) =>
  new Reply<T>(status, body, headers);

/**
 * A value as it may travel on the wire towards a tolerant response schema. The schemas coerce what the
 * reference sends as strings (`"size": "120"`, `"true"`), so a handler may send a number as a numeric string
 * and a boolean as `"true"`/`"false"`, and nothing else: a string where a number is declared must be a
 * `${number}` (see `numeric()`), and every declared field keeps its shape.
 */
export type Wire<T> = T extends number
  ? T | `${number}`
  : T extends boolean
    ? T | 'true' | 'false'
    : T extends string | null | undefined
      ? T
      : T extends readonly (infer E)[]
        ? Wire<E>[]
        : T extends object
          ? { [K in keyof T]: Wire<T[K]> }
          : T;

/**
 * The body an operation answers with, as its descriptor declares it: the response schema's parsed type, as it
 * may be spelled on the wire (`Wire`). A handler that answers a field with another type, or leaves out a
 * required one, does not compile. Operations without a body on success (`z.undefined()`) answer `undefined`.
 */
export type ResponseOf<D extends OperationDescriptor> = Wire<z.output<D['response']>>;

/** A number spelled as the reference spells some of them, as a string (`"200"`). */
export const numeric = (n: number): `${number}` => `${n}`;

/** What a handler returns for operation `D`: its response body, a `Reply` carrying one, or a promise of either. */
export type HandlerResult<D extends OperationDescriptor> = ResponseOf<D> | Reply<ResponseOf<D>>;

export type Handler<D extends OperationDescriptor = OperationDescriptor> = (
  ctx: HandlerContext<D>,
) => HandlerResult<D> | Promise<HandlerResult<D>>;

/** The handler type of a registered operation id: input and output inferred from its descriptor. */
export type HandlerFor<Id extends OperationId> = Handler<Operations[Id]>;

/** The context a handler of operation `Id` receives (for helpers a handler passes its context to). */
export type ContextOf<Id extends OperationId> = HandlerContext<Operations[Id]>;

/** An operation's validated body, query and path parameters: what its handler (and the domain code it calls) reads. */
export type BodyOf<Id extends OperationId> = z.output<Operations[Id]['body']>;
export type QueryOf<Id extends OperationId> = z.output<Operations[Id]['query']>;
export type PathOf<Id extends OperationId> = z.output<Operations[Id]['pathParams']>;

type AnyHandler = (ctx: HandlerContext) => unknown;
const handlers = new Map<string, AnyHandler>();

function register(id: string, handler: AnyHandler): void {
  if (handlers.has(id)) throw new Error(`handler for ${id} registered twice`);
  handlers.set(id, handler);
}

/**
 * Registers the behaviour of an operation of the contract, keyed by its operation id: the handler's input and
 * output types are the descriptor's. Each area registers its handlers when its domain module is imported
 * (see src/domain/index.ts).
 */
export function registerHandler<Id extends OperationId>(id: Id, handler: HandlerFor<Id>): void {
  register(id, handler as unknown as AnyHandler);
}

/**
 * Registers the behaviour of an operation that is not in the contract's registry (tests serve synthetic
 * descriptors), typed by that descriptor.
 */
export function registerDescriptorHandler<D extends OperationDescriptor>(op: D, handler: Handler<D>): void {
  register(op.id, handler as unknown as AnyHandler);
}

export function getHandler(id: string): AnyHandler | undefined {
  return handlers.get(id);
}

export function registeredHandlerIds(): string[] {
  return [...handlers.keys()];
}
