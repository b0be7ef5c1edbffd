/**
 * A collection is a kind of document (instances, jobs, recycle-bin entries, ...). Each one is a table
 * `c_<name>` with `id`, `project_id`, the JSON `doc`, and the extra columns declared here, each indexed
 * together with `project_id`, so that lists, filters and sorts are SQL over indexes whatever the size.
 *
 * Later areas declare their own collections with `defineCollection` next to their domain code; the store
 * creates (or widens) the table the first time it is used.
 */
export type ColumnType = 'TEXT' | 'INTEGER';
export type ColumnValue = string | number | null;

export interface ColumnSpec<T> {
  type: ColumnType;
  get: (doc: T) => ColumnValue;
  /**
   * `trigram`: the column also goes into a trigram full-text index, so a `contains` filter (`*fuzzy` names, tags)
   * looks its candidates up in that index instead of scanning every row of the project.
   */
  search?: 'trigram';
}

/** Every stored document carries its id and project. */
export interface StoredDoc {
  id: string;
  project_id: string;
}

export interface CollectionSpec<T extends StoredDoc> {
  name: string;
  columns: Record<string, ColumnSpec<T>>;
  /**
   * Set-valued attributes (an instance's tags as `key=value`), each kept in a side table indexed by value, so that
   * `has` / `hasPrefix` filters look their rows up instead of scanning them.
   */
  sets?: Record<string, (doc: T) => readonly string[]>;
}

const registry = new Map<string, CollectionSpec<StoredDoc>>();

/** Every collection declared so far (the store creates their tables at open, outside any transaction). */
export function declaredCollections(): CollectionSpec<StoredDoc>[] {
  return [...registry.values()];
}

export function defineCollection<T extends StoredDoc>(spec: CollectionSpec<T>): CollectionSpec<T> {
  if (!/^[a-z][a-z0-9_]*$/.test(spec.name))
    throw new Error(`collection name must be snake_case: ${spec.name}`);
  for (const col of Object.keys(spec.columns)) {
    if (!/^[a-z][a-z0-9_]*$/.test(col) || col === 'id' || col === 'project_id' || col === 'doc') {
      throw new Error(`bad column name ${spec.name}.${col}`);
    }
  }
  registry.set(spec.name, spec as unknown as CollectionSpec<StoredDoc>);
  return spec;
}

export type FilterOp =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'prefix' | 'in' | 'has' | 'hasPrefix';

/**
 * A condition on an indexed column (or `id`). `contains`/`prefix` are LIKEs with escaping. `has` / `hasPrefix` are on a
 * set (`sets`): some value of the set equals / starts with the given text.
 */
export interface Filter {
  col: string;
  op: FilterOp;
  value: ColumnValue | readonly ColumnValue[];
}

export interface FindOptions {
  /** Omit to search every project (schedulers). */
  projectId?: string;
  where?: readonly Filter[];
  orderBy?: readonly { col: string; desc?: boolean }[];
  offset?: number;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}
