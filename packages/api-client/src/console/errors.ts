import { z } from 'zod/mini';

/** A problem with one input field: `path` like `body.username` or `query.limit`. */
export const fieldProblem = z.object({ path: z.string(), message: z.string() });
export type FieldProblemView = z.infer<typeof fieldProblem>;

/**
 * The console's one error body, for its own refusals (UNAUTHENTICATED, CSRF_REJECTED, ...) and for the
 * upstream's (`code` is then the `DBS.*` code). Extra fields (e.g. a job found after an unknown outcome)
 * are kept.
 */
export const consoleErrorBody = z.object({
  error: z.looseObject({
    status: z.number().check(z.int()),
    code: z.string(),
    message: z.string(),
    requestId: z.optional(z.string()),
    fields: z.optional(z.array(fieldProblem)),
  }),
});
export type ConsoleErrorBody = z.infer<typeof consoleErrorBody>;
