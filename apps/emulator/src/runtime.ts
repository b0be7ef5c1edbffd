import type { AuthService } from './auth/auth-service';
import type { Project } from './auth/projects';
import type { EmulatorClock } from './clock/clock';
import type { FaultService } from './faults/faults';
import type { JobService } from './jobs/jobs';
import type { Store } from './store/store';

export interface Logger {
  info(message: string): void;
  /** Something the operator should know that does not stop the emulator (a store from an older version). */
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Tunables of the simulated cloud. */
export interface EmulatorSettings {
  /** Instances per project (4.4.17); creating one more answers 413 DBS.200046. */
  instanceQuota: number;
}

/**
 * Everything a handler, job effect or sweeper may use. One per running emulator (tests run several in one
 * process, so nothing here is a module-level singleton).
 */
/** The demo's background life (src/activity), when it is on. */
export interface BackgroundActor {
  tick(now: number): void;
  state(): unknown;
}

export interface EmulatorRuntime {
  store: Store;
  clock: EmulatorClock;
  jobs: JobService;
  auth: AuthService;
  faults: FaultService;
  settings: EmulatorSettings;
  /** Set when the background activity is on (`--activity on`). */
  activity?: BackgroundActor;
  projects: readonly Project[];
  log: Logger;
  /** `http://host:port` once listening. */
  baseUrl(): string;
}
