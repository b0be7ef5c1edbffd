import type { HttpMethod, OperationDescriptor } from '@gaussdb-console/api-client';

/**
 * Routes built from the descriptor registry: every operation's canonical path and aliases. Matching rules:
 * - an optional `/gaussdb` prefix is stripped before matching (some reference examples carry it);
 * - segment spellings the reference mixes are equivalent: `instance`/`instances`, `pdb`/`pdbs`/`pdbc`/`pddb`,
 *   `deployment-form`/`deployment_form`;
 * - per segment, an exact literal beats an equivalent spelling, which beats a `{param}`; earlier segments
 *   weigh more (so `configurations/name-validation` beats `configurations/{config_id}`);
 * - several operations on one method+path are returned together; the server picks one with `matchesBody`.
 */
const EQUIVALENT: Record<string, string> = {
  instance: 'instances',
  instances: 'instances',
  pdb: 'pdbs',
  pdbs: 'pdbs',
  pdbc: 'pdbs',
  pddb: 'pdbs',
  'deployment-form': 'deployment-form',
  deployment_form: 'deployment-form',
};
const canonicalSegment = (s: string) => EQUIVALENT[s] ?? s;

interface Segment {
  literal?: string;
  param?: string;
}

interface Route {
  op: OperationDescriptor;
  method: HttpMethod;
  segments: Segment[];
  template: string;
}

export interface RouteCandidate {
  op: OperationDescriptor;
  /** Path params under the canonical names of the operation (aliases' own names mapped by position). */
  params: Record<string, string>;
  /** Project id from the path, when the route has one. */
  projectId?: string;
  template: string;
}

export type RouteMatch =
  | { kind: 'found'; candidates: RouteCandidate[] }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** `/gaussdb/v3/...` → `/v3/...`; trailing slashes dropped. */
export function normalisePath(path: string): string {
  let p = path.replace(/\/{2,}/g, '/');
  if (p === '/gaussdb' || p.startsWith('/gaussdb/')) p = p.slice('/gaussdb'.length) || '/';
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p || '/';
}

function parseTemplate(template: string): Segment[] {
  return splitPath(normalisePath(template)).map((s) => {
    const m = /^\{([A-Za-z0-9_]+)\}$/.exec(s);
    return m ? { param: m[1]! } : { literal: s };
  });
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export class Router {
  private readonly routes: Route[] = [];

  constructor(descriptors: readonly OperationDescriptor[]) {
    for (const op of descriptors) {
      for (const template of [op.path, ...op.aliases]) {
        const segments = parseTemplate(template);
        const key = `${op.method} ${segments.map((s) => (s.param ? '{}' : s.literal)).join('/')}`;
        if (
          this.routes.some(
            (r) =>
              r.op === op &&
              `${r.method} ${r.segments.map((s) => (s.param ? '{}' : s.literal)).join('/')}` === key,
          )
        )
          continue;
        this.routes.push({ op, method: op.method, segments, template });
      }
    }
  }

  /** Per-segment scores (3 exact, 2 equivalent spelling, 1 param), or undefined when the path does not fit. */
  private score(route: Route, parts: string[]): number[] | undefined {
    if (route.segments.length !== parts.length) return undefined;
    const scores: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      const seg = route.segments[i]!;
      const part = parts[i]!;
      if (seg.param) {
        if (part === '') return undefined;
        scores.push(1);
      } else if (seg.literal === part) scores.push(3);
      else if (canonicalSegment(seg.literal!) === canonicalSegment(part)) scores.push(2);
      else return undefined;
    }
    return scores;
  }

  match(method: string, rawPath: string): RouteMatch {
    const parts = splitPath(normalisePath(rawPath));
    const fitting: { route: Route; scores: number[] }[] = [];
    for (const route of this.routes) {
      const scores = this.score(route, parts);
      if (scores) fitting.push({ route, scores });
    }
    if (fitting.length === 0) return { kind: 'not-found' };
    const sameMethod = fitting.filter((f) => f.route.method === method.toUpperCase());
    if (sameMethod.length === 0) {
      return { kind: 'method-not-allowed', allowed: [...new Set(fitting.map((f) => f.route.method))] };
    }
    const cmp = (a: number[], b: number[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
      return 0;
    };
    sameMethod.sort((a, b) => cmp(a.scores, b.scores));
    const best = sameMethod[0]!.scores;
    const winners = sameMethod.filter((f) => cmp(f.scores, best) === 0);
    const seen = new Set<OperationDescriptor>();
    const candidates: RouteCandidate[] = [];
    for (const { route } of winners) {
      if (seen.has(route.op)) continue;
      seen.add(route.op);
      candidates.push(this.candidate(route, parts));
    }
    return { kind: 'found', candidates };
  }

  private candidate(route: Route, parts: string[]): RouteCandidate {
    // Canonical parameter names, in order, from the operation's own path (aliases may spell them differently).
    const canonicalNames = parseTemplate(route.op.path)
      .filter((s) => s.param && s.param !== 'project_id')
      .map((s) => s.param!);
    const params: Record<string, string> = {};
    let projectId: string | undefined;
    let n = 0;
    route.segments.forEach((seg, i) => {
      if (!seg.param) return;
      const value = decode(parts[i]!);
      if (seg.param === 'project_id') projectId = value;
      else params[canonicalNames[n++] ?? seg.param] = value;
    });
    return { op: route.op, params, projectId, template: route.template };
  }

  /** Every registered route (admin/debug). */
  list(): { method: HttpMethod; template: string; operation: string }[] {
    return this.routes.map((r) => ({ method: r.method, template: r.template, operation: r.op.id }));
  }
}
