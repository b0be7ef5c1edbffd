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

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('document store', () => {
  it('filters, sorts and pages on indexed columns and counts every match', () => {
    const store = new Store({});
    const col = store.collection(pets);
    col.putMany(Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, project_id: i % 2 ? 'a' : 'b', name: `pet-${i}`, kind: 'cat', age: i })));
    const page = col.find({ projectId: 'a', where: [{ col: 'age', op: '>=', value: 10 }], orderBy: [{ col: 'age', desc: true }], offset: 2, limit: 3 });
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
    expect(col.find({ where: [{ col: 'name', op: 'contains', value: '0%_' }] }).items.map((p) => p.id)).toEqual(['x']);
    store.close();
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
    const wider = defineCollection<Pet>({ name: 'test_pets', columns: { ...pets.columns, kind: { type: 'TEXT', get: (p) => p.kind } } });
    const second = new Store({ file });
    expect(second.collection(wider).find({ where: [{ col: 'kind', op: '=', value: 'dog' }] }).items.map((p) => p.name)).toEqual(['rex']);
    second.close();
  });

  it('refuses to filter on a column that is not indexed', () => {
    const store = new Store({});
    expect(() => store.collection(pets).find({ where: [{ col: 'kind', op: '=', value: 'x' }] })).toThrow(/no indexed column/);
    store.close();
  });
});
