import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineCollection, type StoredDoc } from '../src/store/collection';
import { Store } from '../src/store/store';

interface Pet extends StoredDoc {
  name: string;
  kind: string;
  age: number;
}

const pets = defineCollection<Pet>({
  name: 'test_pets',
  columns: { name: { type: 'TEXT', get: (p) => p.name }, age: { type: 'INTEGER', get: (p) => p.age } },
});

interface Box extends StoredDoc {
  label: string;
  tags: string;
  n: number;
}

const boxes = defineCollection<Box>({
  name: 'test_boxes',
  columns: {
    label: { type: 'TEXT', get: (b) => b.label, search: 'trigram' },
    tags: { type: 'TEXT', get: (b) => b.tags, search: 'trigram' },
    n: { type: 'INTEGER', get: (b) => b.n },
  },
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('document store', () => {
  it('filters, sorts and pages on indexed columns and counts every match', () => {
    const store = new Store({});
    const col = store.collection(pets);
    col.putMany(
      Array.from({ length: 30 }, (_, i) => ({
        id: `p${i}`,
        project_id: i % 2 ? 'a' : 'b',
        name: `pet-${i}`,
        kind: 'cat',
        age: i,
      })),
    );
    const page = col.find({
      projectId: 'a',
      where: [{ col: 'age', op: '>=', value: 10 }],
      orderBy: [{ col: 'age', desc: true }],
      offset: 2,
      limit: 3,
    });
    expect(page.total).toBe(10);
    expect(page.items.map((p) => p.age)).toEqual([25, 23, 21]);
    expect(col.find({ where: [{ col: 'name', op: 'contains', value: 't-1' }] }).total).toBe(11);
    expect(col.count({ where: [{ col: 'name', op: 'in', value: ['pet-1', 'pet-2'] }] })).toBe(2);
    store.close();
  });

  it('escapes LIKE wildcards in contains filters', () => {
    const store = new Store({});
    const col = store.collection(pets);
    col.put({ id: 'x', project_id: 'a', name: '100%_real', kind: 'dog', age: 1 });
    col.put({ id: 'y', project_id: 'a', name: '100abc', kind: 'dog', age: 1 });
    expect(
      col.find({ where: [{ col: 'name', op: 'contains', value: '0%_' }] }).items.map((p) => p.id),
    ).toEqual(['x']);
    store.close();
  });

  it('answers contains filters on trigram columns from the full-text index, with exactly the matches of a scan', () => {
    const store = new Store({});
    const col = store.collection(boxes);
    col.putMany(
      Array.from({ length: 500 }, (_, i) => ({
        id: `b${i}`,
        project_id: i % 2 ? 'a' : 'b',
        label: `Box-${String(i).padStart(5, '0')}`,
        tags: `|team=team${i % 7}|`,
        n: i,
      })),
    );
    const ids = (where: { col: string; value: string }[], projectId = 'a') =>
      col
        .find({
          projectId,
          where: where.map((w) => ({ col: w.col, op: 'contains' as const, value: w.value })),
          orderBy: [{ col: 'n' }],
        })
        .items.map((b) => b.id);
    const scan = (pred: (i: number) => boolean, project = 'a') =>
      Array.from({ length: 500 }, (_, i) => i)
        .filter((i) => (i % 2 ? 'a' : 'b') === project && pred(i))
        .map((i) => `b${i}`);
    expect(ids([{ col: 'label', value: '00041' }])).toEqual(['b41']);
    // Case-insensitive like LIKE; several filters together; a tag filter.
    expect(ids([{ col: 'label', value: 'box-0004' }])).toEqual(scan((i) => i >= 40 && i < 50));
    expect(ids([{ col: 'tags', value: '|team=team3|' }])).toEqual(scan((i) => i % 7 === 3));
    expect(
      ids([
        { col: 'tags', value: '|team=team3|' },
        { col: 'label', value: '-001' },
      ]),
    ).toEqual(scan((i) => i % 7 === 3 && i >= 100 && i < 200));
    // The plan reads the trigram index, not every row of the project.
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM c_test_boxes WHERE project_id = ? AND rowid IN (SELECT rowid FROM f_test_boxes WHERE label LIKE ?)`,
      )
      .all('a', '%00041%') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
    // Updates, deletes and a wipe keep the index in step with the rows.
    col.update('a', 'b41', (b) => ({ ...b, label: 'renamed' }));
    expect(ids([{ col: 'label', value: '00041' }])).toEqual([]);
    expect(ids([{ col: 'label', value: 'renamed' }])).toEqual(['b41']);
    col.delete('a', 'b41');
    expect(ids([{ col: 'label', value: 'renamed' }])).toEqual([]);
    store.wipe();
    col.put({ id: 'z', project_id: 'a', label: 'Box-00041', tags: '', n: 1 });
    expect(ids([{ col: 'label', value: 'box-000' }])).toEqual(['z']);
    store.close();
  });

  it('answers has / hasPrefix filters on a set from its value index, and keeps the index in step', () => {
    const tagged = defineCollection<Box>({
      name: 'test_tagged',
      columns: { n: { type: 'INTEGER', get: (b) => b.n } },
      sets: { tag: (b) => b.tags.split(',').filter(Boolean) },
    });
    const store = new Store({});
    const col = store.collection(tagged);
    col.putMany(
      Array.from({ length: 300 }, (_, i) => ({
        id: `t${i}`,
        project_id: 'a',
        label: '',
        tags: `team=team${i % 7},env=${i % 2 ? 'prod' : 'dev'}`,
        n: i,
      })),
    );
    const ids = (op: 'has' | 'hasPrefix', value: string) =>
      col
        .find({ projectId: 'a', where: [{ col: 'tag', op, value }], orderBy: [{ col: 'n' }] })
        .items.map((b) => b.n);
    const expected = (pred: (i: number) => boolean) => Array.from({ length: 300 }, (_, i) => i).filter(pred);
    expect(ids('has', 'team=team3')).toEqual(expected((i) => i % 7 === 3));
    expect(ids('has', 'team=team')).toEqual([]);
    expect(ids('hasPrefix', 'env=')).toEqual(expected(() => true));
    expect(
      col.count({
        projectId: 'a',
        where: [
          { col: 'tag', op: 'has', value: 'env=prod' },
          { col: 'tag', op: 'has', value: 'team=team1' },
        ],
      }),
    ).toBe(expected((i) => i % 2 === 1 && i % 7 === 1).length);
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM c_test_tagged WHERE project_id = ? AND rowid IN (SELECT rid FROM s_test_tagged__tag WHERE value = ?)`,
      )
      .all('a', 'team=team3') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX s_test_tagged__tag_value/);
    col.update('a', 't3', (b) => ({ ...b, tags: 'team=moved' }));
    expect(ids('has', 'team=team3')).not.toContain(3);
    expect(ids('has', 'team=moved')).toEqual([3]);
    col.delete('a', 't3');
    expect(ids('has', 'team=moved')).toEqual([]);
    store.wipe();
    expect(ids('hasPrefix', 'env=')).toEqual([]);
    store.close();
  });

  it('builds the trigram index for a data dir written before it existed', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emu-store-'));
    dirs.push(dir);
    const file = path.join(dir, 'emulator.db');
    const before = defineCollection<Box>({
      name: 'test_boxes_old',
      columns: { label: { type: 'TEXT', get: (b) => b.label } },
    });
    const first = new Store({ file });
    first.collection(before).put({ id: 'x', project_id: 'a', label: 'ancient-box', tags: '', n: 1 });
    first.close();
    const after = defineCollection<Box>({
      name: 'test_boxes_old',
      columns: { label: { type: 'TEXT', get: (b) => b.label, search: 'trigram' } },
    });
    const second = new Store({ file });
    expect(
      second
        .collection(after)
        .find({ where: [{ col: 'label', op: 'contains', value: 'cient' }] })
        .items.map((b) => b.id),
    ).toEqual(['x']);
    second.close();
  });

  it('rolls a failed exclusive transaction back completely', async () => {
    const store = new Store({});
    const col = store.collection(pets);
    await expect(
      store.exclusive(async () => {
        col.put({ id: 'z', project_id: 'a', name: 'z', kind: 'cat', age: 1 });
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(col.get('a', 'z')).toBeUndefined();
    store.close();
  });

  it('keeps documents in a file across reopen and widens a collection that gained a column', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emu-store-'));
    dirs.push(dir);
    const file = path.join(dir, 'emulator.db');
    const first = new Store({ file });
    first.collection(pets).put({ id: 'p1', project_id: 'a', name: 'rex', kind: 'dog', age: 3 });
    first.close();
    const wider = defineCollection<Pet>({
      name: 'test_pets',
      columns: { ...pets.columns, kind: { type: 'TEXT', get: (p) => p.kind } },
    });
    const second = new Store({ file });
    expect(
      second
        .collection(wider)
        .find({ where: [{ col: 'kind', op: '=', value: 'dog' }] })
        .items.map((p) => p.name),
    ).toEqual(['rex']);
    second.close();
  });

  it('refuses to filter on a column that is not indexed', () => {
    const store = new Store({});
    expect(() => store.collection(pets).find({ where: [{ col: 'kind', op: '=', value: 'x' }] })).toThrow(
      /no indexed column/,
    );
    store.close();
  });
});
