import type { EmulatorRuntime } from '../runtime';
import type { JobDoc } from './job-model';

/**
 * Job effects: what happens to the world when a job completes or fails. They are named functions registered
 * by kind, and a job stores only the kind and its JSON arguments, so a job started before a crash finishes
 * correctly after the restart. Each area registers its own kinds at import time.
 */
export type JobEffect = (rt: EmulatorRuntime, args: Record<string, unknown>, job: JobDoc) => void;

const effects = new Map<string, JobEffect>();

export function registerJobEffect(kind: string, effect: JobEffect): void {
  if (effects.has(kind) && effects.get(kind) !== effect)
    throw new Error(`job effect ${kind} registered twice`);
  effects.set(kind, effect);
}

export function getJobEffect(kind: string): JobEffect | undefined {
  return effects.get(kind);
}

/**
 * Sweepers run on every scheduler tick (inside a transaction) for time-driven changes that are not jobs:
 * the recycle-bin purge, automatic backups, token clean-up.
 */
export type Sweeper = (rt: EmulatorRuntime, now: number) => void;
const sweepers = new Map<string, Sweeper>();

export function registerSweeper(name: string, sweeper: Sweeper): void {
  sweepers.set(name, sweeper);
}

export function allSweepers(): [string, Sweeper][] {
  return [...sweepers.entries()];
}
