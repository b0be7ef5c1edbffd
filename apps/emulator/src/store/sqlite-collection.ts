import type Database from 'better-sqlite3';
import type { CollectionSpec, ColumnValue, Filter, FindOptions, Page, StoredDoc } from './collection';

type Db = Database.Database;

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A `contains` value shorter than a trigram cannot use the trigram index. */
const TRIGRAM = 3;

/**
 * One collection: a narrow table `c_<name>` (id, project_id, indexed columns) that every filter, sort and count
 * scans, and `d_<name>` (id, doc) holding the JSON, read only for the rows a page returns. Columns declared
 * `search: 'trigram'` are also in `f_<name>`, an FTS5 trigram index keyed by the narrow table's rowid: a `contains`
 * filter (LIKE '%…%', which no b-tree can serve) takes its candidates from there. Set-valued attributes (`sets`) live
 * in `s_<name>__<set>` (rowid, value), indexed by value, for `has` / `hasPrefix` filters.
 */
export class Collection<T extends StoredDoc> {
  private readonly table: string;
  private readonly docs: string;
  private readonly search: string;
  private readonly columns: string[];
  private readonly searchColumns: string[];
  private readonly sets: string[];
  private readonly stmts: {
    get: Database.Statement;
    getAny: Database.Statement;
    upsert: Database.Statement;
    upsertDoc: Database.Statement;
    del: Database.Statement;
    delDoc: Database.Statement;
    rowid: Database.Statement;
    searchDel?: Database.Statement;
    searchPut?: Database.Statement;
    setDel: Database.Statement[];
    setPut: Database.Statement[];
  };

  constructor(
    private readonly db: Db,
    private readonly spec: CollectionSpec<T>,
  ) {
    this.table = `c_${spec.name}`;
    this.docs = `d_${spec.name}`;
    this.search = `f_${spec.name}`;
    this.columns = Object.keys(spec.columns);
    this.searchColumns = this.columns.filter((c) => spec.columns[c]!.search === 'trigram');
    this.sets = Object.keys(spec.sets ?? {});
    this.ensureTable();
    const cols = ['id', 'project_id', ...this.columns];
    this.stmts = {
      get: db.prepare(
        `SELECT d.doc FROM "${this.table}" c JOIN "${this.docs}" d ON d.id = c.id WHERE c.id = ? AND c.project_id = ?`,
      ),
      getAny: db.prepare(`SELECT doc FROM "${this.docs}" WHERE id = ?`),
      upsert: db.prepare(
        `INSERT INTO "${this.table}" (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
          `ON CONFLICT(id) DO UPDATE SET ${cols
            .filter((c) => c !== 'id')
            .map((c) => `${c} = excluded.${c}`)
            .join(', ')}`,
      ),
      upsertDoc: db.prepare(
        `INSERT INTO "${this.docs}" (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`,
      ),
      del: db.prepare(`DELETE FROM "${this.table}" WHERE id = ? AND project_id = ?`),
      delDoc: db.prepare(`DELETE FROM "${this.docs}" WHERE id = ?`),
      rowid: db.prepare(`SELECT rowid AS r FROM "${this.table}" WHERE id = ?`),
      ...(this.searchColumns.length
        ? {
            searchDel: db.prepare(`DELETE FROM "${this.search}" WHERE rowid = ?`),
            searchPut: db.prepare(
              `INSERT INTO "${this.search}" (rowid, ${this.searchColumns.join(', ')}) VALUES (?, ${this.searchColumns.map(() => '?').join(', ')})`,
            ),
          }
        : {}),
      setDel: this.sets.map((set) => db.prepare(`DELETE FROM "${this.setTable(set)}" WHERE rid = ?`)),
      setPut: this.sets.map((set) =>
        db.prepare(`INSERT INTO "${this.setTable(set)}" (rid, value) VALUES (?, ?)`),
      ),
    };
  }

  /** The side table of a set-valued attribute: one row per (document, value). */
  private setTable(set: string): string {
    return `s_${this.spec.name}__${set}`;
  }

  private ensureTable(): void {
    const colDefs = this.columns.map((c) => `, ${c} ${this.spec.columns[c]!.type}`).join('');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS "${this.table}" (id TEXT PRIMARY KEY, project_id TEXT NOT NULL${colDefs})`,
    );
    this.db.exec(`CREATE TABLE IF NOT EXISTS "${this.docs}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    // A collection that gained columns since the data dir was written: add them and fill them from the docs.
    const existing = new Set(
      (this.db.prepare(`PRAGMA table_info("${this.table}")`).all() as { name: string }[]).map((r) => r.name),
    );
    const missing = this.columns.filter((c) => !existing.has(c));
    if (missing.length > 0) {
      for (const c of missing)
        this.db.exec(`ALTER TABLE "${this.table}" ADD COLUMN ${c} ${this.spec.columns[c]!.type}`);
      const rows = this.db.prepare(`SELECT doc FROM "${this.docs}"`).all() as { doc: string }[];
      const upd = this.db.prepare(
        `UPDATE "${this.table}" SET ${missing.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
      );
      for (const r of rows) {
        const doc = JSON.parse(r.doc) as T;
        upd.run(...missing.map((c) => normalise(this.spec.columns[c]!.get(doc))), doc.id);
      }
    }
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${this.table}_project" ON "${this.table}" (project_id)`);
    for (const c of this.columns) {
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${this.table}_${c}" ON "${this.table}" (project_id, ${c})`);
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${this.table}_${c}_all" ON "${this.table}" (${c})`);
    }
    if (this.searchColumns.length) {
      const exists = this.db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(this.search);
      // The same case rule as LIKE (ASCII case-insensitive): the index finds what the LIKE filter would.
      this.db.exec(
        `CREATE VIRTUAL TABLE IF NOT EXISTS "${this.search}" USING fts5(${this.searchColumns.join(', ')}, tokenize = 'trigram')`,
      );
      // A data dir written before the index existed: index what it holds.
      if (!exists)
        this.db.exec(
          `INSERT INTO "${this.search}" (rowid, ${this.searchColumns.join(', ')}) SELECT rowid, ${this.searchColumns.join(', ')} FROM "${this.table}"`,
        );
    }
    for (const set of this.sets) {
      const t = this.setTable(set);
      const exists = this.db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(t);
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${t}" (rid INTEGER NOT NULL, value TEXT NOT NULL)`);
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${t}_value" ON "${t}" (value, rid)`);
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${t}_rid" ON "${t}" (rid)`);
      if (!exists) {
        // A data dir written before the set existed: index what its documents hold.
        const put = this.db.prepare(`INSERT INTO "${t}" (rid, value) VALUES (?, ?)`);
        const rows = this.db
          .prepare(`SELECT c.rowid AS r, d.doc FROM "${this.table}" c JOIN "${this.docs}" d ON d.id = c.id`)
          .all() as { r: number; doc: string }[];
        for (const row of rows)
          for (const v of this.spec.sets![set]!(JSON.parse(row.doc) as T)) put.run(row.r, v);
      }
    }
  }

  private write(doc: T): void {
    this.stmts.upsert.run(
      doc.id,
      doc.project_id,
      ...this.columns.map((c) => normalise(this.spec.columns[c]!.get(doc))),
    );
    this.stmts.upsertDoc.run(doc.id, JSON.stringify(doc));
    if (!this.stmts.searchPut && this.sets.length === 0) return;
    const { r } = this.stmts.rowid.get(doc.id) as { r: number };
    if (this.stmts.searchPut && this.stmts.searchDel) {
      this.stmts.searchDel.run(r);
      this.stmts.searchPut.run(
        r,
        ...this.searchColumns.map((c) => normalise(this.spec.columns[c]!.get(doc))),
      );
    }
    this.sets.forEach((set, i) => {
      this.stmts.setDel[i]!.run(r);
      for (const v of new Set(this.spec.sets![set]!(doc))) this.stmts.setPut[i]!.run(r, v);
    });
  }

  /** A document of `projectId` (or of any project when `projectId` is undefined). */
  get(projectId: string | undefined, id: string): T | undefined {
    const r = (projectId === undefined ? this.stmts.getAny.get(id) : this.stmts.get.get(id, projectId)) as
      { doc: string } | undefined;
    return r ? (JSON.parse(r.doc) as T) : undefined;
  }

  /** Inserts or replaces a document. */
  put(doc: T): T {
    this.db.transaction(() => this.write(doc))();
    return doc;
  }

  /** Bulk insert in one transaction (seeds, `--seed scale:N`). */
  putMany(docs: readonly T[]): void {
    this.db.transaction(() => {
      for (const d of docs) this.write(d);
    })();
  }

  /** Read-modify-write of one document; undefined when it does not exist. */
  update(projectId: string | undefined, id: string, fn: (doc: T) => T | void): T | undefined {
    const doc = this.get(projectId, id);
    if (!doc) return undefined;
    const next = (fn(doc) ?? doc) as T;
    this.put(next);
    return next;
  }

  delete(projectId: string, id: string): boolean {
    return this.db.transaction(() => {
      const row = this.stmts.rowid.get(id) as { r: number } | undefined;
      const gone = this.stmts.del.run(id, projectId).changes > 0;
      if (gone) {
        this.stmts.delDoc.run(id);
        if (row) {
          this.stmts.searchDel?.run(row.r);
          for (const del of this.stmts.setDel) del.run(row.r);
        }
      }
      return gone;
    })();
  }

  /**
   * Filtered, sorted, paged query; `total` counts every match (for `total_count`). Filters, sort and offset run on
   * the narrow indexed table; only the page's documents are read.
   */
  find(options: FindOptions = {}): Page<T> {
    const { sql, params } = this.whereClause(options);
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM "${this.table}"${sql}`).get(...params) as { n: number }
    ).n;
    const orderBy = options.orderBy ?? [];
    // The rowid tie-break runs the same way as the last sort key, so an index on (project_id, col) serves the order.
    const last = orderBy.at(-1);
    const order = [
      ...orderBy.map((o) => `${this.col(o.col)} ${o.desc ? 'DESC' : 'ASC'}`),
      `rowid ${last?.desc ? 'DESC' : 'ASC'}`,
    ];
    const ids = (
      this.db
        .prepare(`SELECT id FROM "${this.table}"${sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`)
        .all(...params, options.limit ?? -1, options.offset ?? 0) as { id: string }[]
    ).map((x) => x.id);
    const docs = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT id, doc FROM "${this.docs}" WHERE id IN (${chunk.map(() => '?').join(', ')})`)
        .all(...chunk) as { id: string; doc: string }[];
      for (const row of rows) docs.set(row.id, row.doc);
    }
    return { items: ids.map((id) => JSON.parse(docs.get(id)!) as T), total };
  }

  /** Every match, unpaged (small result sets: a project's running jobs, due purges). */
  all(options: Omit<FindOptions, 'offset' | 'limit'> = {}): T[] {
    return this.find(options).items;
  }

  count(options: Omit<FindOptions, 'offset' | 'limit' | 'orderBy'> = {}): number {
    const { sql, params } = this.whereClause(options);
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM "${this.table}"${sql}`).get(...params) as { n: number }
    ).n;
  }

  private setCondition(f: Filter, params: ColumnValue[]): string {
    if (!this.sets.includes(f.col)) throw new Error(`collection ${this.spec.name} has no set ${f.col}`);
    const text = String(f.value ?? '');
    const t = this.setTable(f.col);
    if (f.op === 'has') {
      params.push(text);
      return `rowid IN (SELECT rid FROM "${t}" WHERE value = ?)`;
    }
    // Every value starting with `text`: a range on the value index (text ≤ value < text + U+FFFF).
    params.push(text, `${text}\uffff`);
    return `rowid IN (SELECT rid FROM "${t}" WHERE value >= ? AND value < ?)`;
  }

  private col(name: string): string {
    if (name === 'id' || name === 'project_id' || this.columns.includes(name)) return name;
    throw new Error(`collection ${this.spec.name} has no indexed column ${name}`);
  }

  private whereClause(options: FindOptions): { sql: string; params: ColumnValue[] } {
    const parts: string[] = [];
    const params: ColumnValue[] = [];
    if (options.projectId !== undefined) {
      parts.push('project_id = ?');
      params.push(options.projectId);
    }
    for (const f of options.where ?? []) parts.push(this.condition(f, params));
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
  }

  private condition(f: Filter, params: ColumnValue[]): string {
    if (f.op === 'has' || f.op === 'hasPrefix') return this.setCondition(f, params);
    const c = this.col(f.col);
    if (f.op === 'in') {
      const values = (Array.isArray(f.value) ? f.value : [f.value]) as ColumnValue[];
      if (values.length === 0) return '0';
      params.push(...values.map(normalise));
      return `${c} IN (${values.map(() => '?').join(', ')})`;
    }
    const v = normalise(f.value as ColumnValue);
    if (f.op === 'contains' || f.op === 'prefix') {
      const text = String(v ?? '');
      const like = `${c} LIKE ? ESCAPE '\\'`;
      if (
        f.op === 'contains' &&
        this.searchColumns.includes(c) &&
        text.length >= TRIGRAM &&
        !/[\\%_]/.test(text)
      ) {
        // Candidates from the trigram index (it serves LIKE without ESCAPE), then the exact LIKE on those rows only.
        params.push(`%${text}%`, `%${escapeLike(text)}%`);
        return `rowid IN (SELECT rowid FROM "${this.search}" WHERE ${c} LIKE ?) AND ${like}`;
      }
      params.push(`${f.op === 'contains' ? '%' : ''}${escapeLike(text)}%`);
      // LIKE is case-insensitive for ASCII by default; GLOB-free exactness is not needed for fuzzy search.
      return like;
    }
    if (v === null) return f.op === '!=' ? `${c} IS NOT NULL` : `${c} IS NULL`;
    params.push(v);
    return `${c} ${f.op} ?`;
  }
}

function normalise(v: ColumnValue | undefined): ColumnValue {
  if (v === undefined) return null;
  return v;
}
