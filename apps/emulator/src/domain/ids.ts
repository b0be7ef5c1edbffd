import { createHash, randomBytes } from 'node:crypto';

/** `<32 hex><suffix>`: instance `in14`, node `no14`, backup `br14`, template `pr14`, tenant `po14` (catalog 0, D.34). */
export function newId(suffix: 'in14' | 'no14' | 'br14' | 'pr14' | 'po14'): string {
  return `${randomBytes(16).toString('hex')}${suffix}`;
}

/** A deterministic id for seeds: the same seed produces the same ids on every start. */
export function seededId(seed: string, suffix: string): string {
  return `${createHash('sha256').update(seed).digest('hex').slice(0, 32)}${suffix}`;
}

/** A stable pseudo-random integer in [0, n) derived from `key` (IPs, usage figures). */
export function stableInt(key: string, n: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % n;
}
