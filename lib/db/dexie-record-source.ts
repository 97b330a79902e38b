import type { RecordSource } from '../library/record-source';
import type { LibraryDatabase } from './database';
import { REFERENCE_TABLES, type ReferenceCounts, type ReferenceRows, type ReferenceTable } from './records';

/** RecordSource over the database; `where` uses the table's (multiEntry) indexes. */
export function dexieRecordSource(db: LibraryDatabase): RecordSource {
  const table = <T extends ReferenceTable>(name: T) => db.table<ReferenceRows[T], string>(name);
  return {
    get: (name, id) => table(name).get(id),
    async getMany(name, ids) {
      const rows = await table(name).bulkGet([...ids]);
      return rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
    },
    where: (name, field, value) => table(name).where(field as string).equals(value).toArray(),
    all: (name) => table(name).toArray(),
    async counts() {
      const counts = await Promise.all(REFERENCE_TABLES.map((name) => table(name).count()));
      return Object.fromEntries(REFERENCE_TABLES.map((name, i) => [name, counts[i]])) as ReferenceCounts;
    },
  };
}
