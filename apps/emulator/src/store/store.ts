import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CollectionSpec, StoredDoc } from './collection';
import { Collection, escapeLike } from './sqlite-collection';

type Db = Database.Database;

/**
 * The emulator's durable state: SQLite through better-sqlite3 (WAL when on disk, `:memory:` otherwise).
 * Writes are synchronous; `transaction(fn)` makes a group of writes atomic (nesting uses savepoints), and the
 * HTTP layer runs every mutating request inside one (see `exclusive`).
 */
export class Store {
  readonly db: Db;
  readonly file: string;
  private readonly collections = new Map<string, Collection<StoredDoc>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: { file?: string }) {
    this.file = options.file ?? ':memory:';
    if (this.file !== ':memory:') mkdirSync(path.dirname(this.file), { recursive: true });
    this.db = new Database(this.file);
    if (this.file !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      // NORMAL + WAL survives a process crash (kill -9); only an OS crash may lose the last commits.
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  }

  /** Creates (or widens) the tables of every declared collection; call outside transactions. */
  openCollections(specs: readonly CollectionSpec<StoredDoc>[]): void {
    for (const spec of specs) this.collection(spec);
  }

  /** Typed access to a collection; creates or widens its table on first use. */
  collection<T extends StoredDoc>(spec: CollectionSpec<T>): Collection<T> {
    let c = this.collections.get(spec.name);
    if (!c) {
      c = new Collection<StoredDoc>(this.db, spec as unknown as CollectionSpec<StoredDoc>);
      this.collections.set(spec.name, c);
    }
    return c as unknown as Collection<T>;
  }

  /** Runs `fn` atomically (synchronously). Nested calls become savepoints. */
  transaction<R>(fn: () => R): R {
    return this.db.transaction(fn)();
  }

  /**
   * Runs an async `fn` inside one write transaction, one at a time. Used for each mutating API request so
   * that a handler's writes commit together or not at all.
   */
  exclusive<R>(fn: () => Promise<R> | R): Promise<R> {
    const run = async (): Promise<R> => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn();
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        // A table first created inside the rolled-back transaction is gone: forget the cached handles.
        this.collections.clear();
        throw e;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  deleteMeta(keyPrefix: string): void {
    this.db.prepare("DELETE FROM meta WHERE key LIKE ? ESCAPE '\\'").run(`${escapeLike(keyPrefix)}%`);
  }

  /** Row counts per collection table (admin state). */
  counts(): Record<string, number> {
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'")
      .all() as { name: string }[];
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      out[name.slice(2)] = (this.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    return out;
  }

  /** Drops every document and meta value (admin reset), except the collections named in `keep`. */
  wipe(keep: readonly string[] = []): void {
    this.transaction(() => {
      const tables = this.db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'c\\_%' ESCAPE '\\' OR name LIKE 'd\\_%' ESCAPE '\\')",
        )
        .all() as { name: string }[];
      for (const { name } of tables) if (!keep.includes(name.slice(2))) this.db.exec(`DELETE FROM "${name}"`);
      // The trigram indexes (virtual tables; their shadow tables are theirs to empty).
      const searches = this.db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'f\\_%' ESCAPE '\\' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
        )
        .all() as { name: string }[];
      for (const { name } of searches)
        if (!keep.includes(name.slice(2))) this.db.exec(`DELETE FROM "${name}"`);
      // Set side tables (s_<collection>__<set>).
      const sets = this.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 's\\_%' ESCAPE '\\'")
        .all() as { name: string }[];
      for (const { name } of sets)
        if (!keep.includes(name.slice(2).split('__')[0] as string)) this.db.exec(`DELETE FROM "${name}"`);
      this.db.exec('DELETE FROM meta');
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
