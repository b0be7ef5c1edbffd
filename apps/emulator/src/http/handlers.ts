import type { OperationDescriptor, OperationId, Operations } from '@gaussdb-console/api-client';
import type { z } from 'zod';
import type { Project } from '../auth/projects';
import type { EmulatorRuntime } from '../runtime';
import type { Language } from './errors';

type Parsed<D, K extends 'pathParams' | 'query' | 'body', Fallback> = D extends OperationDescriptor
  ? D[K] extends z.ZodType
    ? z.output<D[K]>
    : Fallback
  : Fallback;

type DescriptorOf<Id extends string> = Id extends OperationId ? Operations[Id] : undefined;

/**
 * What a handler receives: the request already routed, authenticated and validated against the operation's
 * descriptor. For an id whose descriptor exists, `path`/`query`/`body` carry the descriptor's output types.
 */
export interface HandlerContext<Id extends string = string> {
  op: OperationDescriptor;
  path: Parsed<DescriptorOf<Id>, 'pathParams', Record<string, string>>;
  query: Parsed<DescriptorOf<Id>, 'query', Record<string, unknown>>;
  body: Parsed<DescriptorOf<Id>, 'body', unknown>;
  /** The project of the path (or of the credential for projectless routes); undefined only for IAM/version calls. */
  project: Project | undefined;
  language: Language;
  requestId: string;
  rt: EmulatorRuntime;
  /** Raw request facts some handlers need (IAM reads the raw body; nothing else should). */
  raw: { method: string; path: string; headers: Record<string, string | string[] | undefined>; rawBody: unknown };
}

/** A handler may return a plain body (sent with the descriptor's `successStatus`) or a `Reply`. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const reply = (status: number, body: unknown, headers?: Record<string, string>) => new Reply(status, body, headers);

export type Handler<Id extends string = string> = (ctx: HandlerContext<Id>) => unknown;

const handlers = new Map<string, Handler>();

/**
 * Registers the behaviour of an operation, keyed by its fixed operation id. Registering before the descriptor
 * exists is fine: the route appears when the descriptor lands. Each area registers its handlers when its
 * domain module is imported (see src/domain/index.ts).
 */
export function registerHandler<Id extends string>(id: Id, handler: Handler<Id>): void {
  if (handlers.has(id)) throw new Error(`handler for ${id} registered twice`);
  handlers.set(id, handler as unknown as Handler);
}

export function getHandler(id: string): Handler | undefined {
  return handlers.get(id);
}

export function registeredHandlerIds(): string[] {
  return [...handlers.keys()];
}

/** Reads a handler's untyped input as a shape the handler declares (for ids without a descriptor yet). */
export function input<T>(value: unknown): T {
  return value as T;
}
