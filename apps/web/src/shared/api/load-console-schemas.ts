import type * as ConsoleSchemas from './console-schemas';

/**
 * The console contract's schemas for the shell's own reads (session, info, policy, live events), loaded
 * with the first answer that needs them: the parser then arrives beside that answer instead of weighing
 * on the first-load JavaScript (docs/performance.md).
 */
let loading: Promise<typeof ConsoleSchemas> | undefined;
export const loadConsoleSchemas = () => (loading ??= import('./console-schemas'));
