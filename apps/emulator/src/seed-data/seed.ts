import type { EmulatorRuntime } from '../runtime';
import { loadDemo } from './demo';
import { loadScale } from './scale';

export type SeedName = 'demo' | 'empty' | `scale:${number}`;

export interface SeedInfo {
  name: SeedName;
  /** Emulator time the seed is built around. */
  now: number;
}

/**
 * Seed contributors add an area's demo data after the core (instances, jobs, recycle bin) is loaded: later
 * areas register theirs (parameter templates, backups, tenants) from their domain module. They run inside the
 * seed's transaction, for the `demo` seed only.
 */
export type SeedContributor = (rt: EmulatorRuntime, seed: SeedInfo) => void;
const contributors = new Map<string, SeedContributor>();

export function registerSeedContributor(name: string, fn: SeedContributor): void {
  contributors.set(name, fn);
}

export function parseSeed(value: string): SeedName | undefined {
  if (value === 'demo' || value === 'empty') return value;
  const m = /^scale:(\d+)$/.exec(value);
  return m && Number(m[1]) >= 0 ? (value as SeedName) : undefined;
}

/** Loads a seed into an empty store (one transaction). */
export function loadSeed(rt: EmulatorRuntime, seed: SeedName): void {
  const info: SeedInfo = { name: seed, now: rt.clock.now() };
  rt.store.transaction(() => {
    if (seed === 'demo') {
      loadDemo(rt, info);
      for (const [name, fn] of contributors) {
        try {
          fn(rt, info);
        } catch (e) {
          rt.log.error(`seed contributor ${name} failed`, e);
          throw e;
        }
      }
    } else if (seed.startsWith('scale:')) {
      loadScale(rt, Number(seed.slice('scale:'.length)), info.now);
    }
    rt.store.setMeta('seed', seed);
  });
}
