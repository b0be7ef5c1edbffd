// docs/ui-coverage.md: generated, current, and honest. Every operation of the reference is reachable from a
// page (but the legacy v3 duplicates and version discovery, and what PENDING_AREAS says is being built in
// another branch); each area's declaration names operations the web calls and routes the router has.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  coverageRows,
  loadAreas,
  PENDING_AREAS,
  referenceOperations,
  renderUiCoverage,
  uiCoverageDoc,
  webSrc,
} from '../scripts/ui-coverage';

const walk = (d: string): string[] =>
  fs
    .readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
/** The web's own code: no tests, fixtures or test helpers. */
const webCode = walk(webSrc)
  .filter(
    (f) =>
      /\.tsx?$/.test(f) &&
      !/\.test\.tsx?$|\.fixture\.tsx?$/.test(f) &&
      !f.includes(`${path.sep}test${path.sep}`),
  )
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');
const ids = new Set(referenceOperations().map((o) => o.id));

describe('UI coverage', () => {
  it('is generated and current (npm run ui-coverage -w apps/bff)', () => {
    expect(fs.readFileSync(uiCoverageDoc, 'utf8')).toBe(renderUiCoverage());
  });

  it('reaches every operation of the reference from a page, but for 5.1.x, 4.1.x and the pending areas', () => {
    const missing = coverageRows()
      .filter((r) => r.state === 'missing')
      .map((r) => `${r.op.section} ${r.op.id}`);
    expect(missing).toEqual([]);
  });

  it('lists as pending only sections that still have an operation no page reaches', () => {
    const rows = coverageRows();
    const stale = Object.keys(PENDING_AREAS).filter(
      (s) =>
        !rows.some((r) => r.state === 'pending' && (r.op.section === s || r.op.section.startsWith(`${s}.`))),
    );
    expect(stale, 'these areas are merged: remove them from PENDING_AREAS').toEqual([]);
  });

  it('fails for an operation that no page reaches outside the pending areas', () => {
    const rows = coverageRows(
      loadAreas().map((a) => ({
        ...a,
        pages: a.pages.map((p) => ({
          ...p,
          operations: p.operations.filter((o) => o !== 'grantDbPrivilege'),
        })),
      })),
    );
    expect(rows.find((r) => r.op.id === 'grantDbPrivilege')?.state).toBe('missing');
  });

  it('declares only operations of the contract that the web actually calls', () => {
    const declared = loadAreas().flatMap((a) =>
      a.pages.flatMap((p) => p.operations.map((id) => ({ area: a.area, id }))),
    );
    expect(declared.filter((d) => !ids.has(d.id))).toEqual([]);
    expect(declared.filter((d) => !webCode.includes(`'${d.id}'`))).toEqual([]);
  });

  it('declares every operation the web calls', () => {
    const declared = new Set(loadAreas().flatMap((a) => a.pages.flatMap((p) => p.operations)));
    const called = [...ids].filter((id) => webCode.includes(`'${id}'`));
    expect(called.filter((id) => !declared.has(id))).toEqual([]);
  });

  it('names routes the router has', () => {
    const router = fs.readFileSync(path.join(webSrc, 'app', 'router.tsx'), 'utf8');
    const routes = loadAreas().flatMap((a) => a.pages.map((p) => p.route.split('?')[0] as string));
    const unknown = routes.filter((r) => {
      const inShell = r.match(/^\/p\/:project\/(.+)$/);
      return !router.includes(`path: '${inShell ? inShell[1] : r}'`);
    });
    expect(unknown).toEqual([]);
  });
});
