/**
 * Engine versions and how a version in a request is matched (docs/api-decisions.md, EMU-12).
 *
 * - Offered: the versions new instances are created on, listed by 4.2.1 and 4.2.3.
 * - Earlier: the older lines the reference's own examples name (4.2.1 lists 1.4 and 2.3, 4.2.3 2.0–2.9, 4.2.2
 *   queries 3.100, 4.3.2 queries 2.1, 4.5.4 creates a 2.3 template, 4.7.10 answers 2.2.90). The region still
 *   knows them: a parameter template may be made for one, and flavor and disk-type queries may name one. No
 *   instance is created on them.
 * - Matching: the `V2.0-` product prefix is dropped and the dotted numbers compared one by one, numerically; a
 *   version matches a line when the line's numbers are its leading numbers (`2.3`, `2.3.0` and `2.3.0.1` are
 *   all the 2.3 line; `8.201.0` is 8.201). Anything else is not a version the emulator knows.
 */
export const VERSIONS = ['8.201', '8.102', '3.223'] as const;
export const LATEST_VERSION = VERSIONS[0];
export const EARLIER_VERSIONS = ['3.100', '2.9', '2.6', '2.3', '2.2', '2.1', '2.0', '1.4'] as const;

/** The three-part kernel version of a line (`8.201` → `8.201.0`). */
export const completeVersion = (v: string) => `${v}.0`;

const numbers = (v: string): number[] | undefined => {
  const plain = v.trim().replace(/^V\d+\.\d+-/i, '');
  if (!/^\d+(\.\d+)*$/.test(plain)) return undefined;
  return plain.split('.').map(Number);
};

/** Numeric comparison of dotted versions (`3.223` < `8.102`; catalog D.43). */
export function compareVersions(a: string, b: string): number {
  const pa = numbers(a) ?? [];
  const pb = numbers(b) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface MatchedVersion {
  /** The line the version belongs to, as the emulator names it (`8.201`, `2.3`). */
  line: string;
  /** True for a line new instances are created on. */
  offered: boolean;
}

/** The known line `v` belongs to (the longest match wins), or undefined. */
export function matchVersion(v: string): MatchedVersion | undefined {
  const given = numbers(v);
  if (!given) return undefined;
  const lines: MatchedVersion[] = [
    ...VERSIONS.map((line) => ({ line, offered: true })),
    ...EARLIER_VERSIONS.map((line) => ({ line, offered: false })),
  ];
  const fits = (line: string) => {
    const l = numbers(line)!;
    return l.length <= given.length && l.every((n, i) => n === given[i]);
  };
  return lines
    .filter((m) => fits(m.line))
    .sort((a, b) => numbers(b.line)!.length - numbers(a.line)!.length)[0];
}

/** The offered line `v` names, or undefined (creating an instance, upgrade targets). */
export function offeredVersion(v: string): string | undefined {
  const m = matchVersion(v);
  return m?.offered ? m.line : undefined;
}
