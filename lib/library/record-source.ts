/**
 * The few read operations the library logic needs, implemented twice: over Dexie (normal case, using its
 * indexes) and over the bundled dataset in memory (when IndexedDB cannot be opened). Library logic is
 * written once against this interface.
 */
import type { ReferenceCounts, ReferenceRows, ReferenceTable } from '../db/records';

export interface RecordSource {
  get<T extends ReferenceTable>(table: T, id: string): Promise<ReferenceRows[T] | undefined>;
  /** Records with these ids, in the order given; missing ids are skipped. */
  getMany<T extends ReferenceTable>(table: T, ids: readonly string[]): Promise<ReferenceRows[T][]>;
  /** Records whose indexed `field` equals `value` or, for an array field, contains it. */
  where<T extends ReferenceTable>(table: T, field: IndexedField<T>, value: string): Promise<ReferenceRows[T][]>;
  all<T extends ReferenceTable>(table: T): Promise<ReferenceRows[T][]>;
  counts(): Promise<ReferenceCounts>;
}

/** The fields each table indexes (see lib/db/schema-versions.ts); only these may be queried with `where`. */
export interface IndexedFields {
  agencies: 'role' | 'acronym';
  publications: 'agencies' | 'terms' | 'type';
  events: 'launched' | 'agencies' | 'people' | 'terms' | 'city';
  people: 'agency';
  terms: 'publications' | 'kind';
  contextRules: never;
  ambiguities: 'form';
}
export type IndexedField<T extends ReferenceTable> = IndexedFields[T];
