import type { Handler, Step } from './types';

/** Composes steps around a terminal handler; the first step is the outermost. */
export function composePipeline(steps: readonly Step[], terminal: Handler): Handler {
  return steps.reduceRight<Handler>((next, step) => step(next), terminal);
}
