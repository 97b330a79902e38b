import type { Dataset } from '../data/schema';
import {
  countDataset,
  REFERENCE_TABLES,
  toStoredEvent,
  type ReferenceRows,
  type ReferenceTable,
} from '../db/records';
import type { RecordSource } from './record-source';

type Row = { id: string } & Record<string, unknown>;

/**
 * RecordSource over the bundled dataset held in memory: the read-only fallback when IndexedDB cannot be
 * opened (Firefox private windows, a full disk). Lookups are maps built once, so it is as fast as the DB.
 */
export function memoryRecordSource(dataset: Dataset): RecordSource {
  const rows: Record<ReferenceTable, Row[]> = {
    agencies: dataset.agencies,
    publications: dataset.publications,
    events: dataset.events.map(toStoredEvent),
    people: dataset.people,
    terms: dataset.terms,
    contextRules: dataset.contextRules,
    ambiguities: dataset.ambiguities,
  };
  const byId = Object.fromEntries(
    REFERENCE_TABLES.map((name) => [name, new Map(rows[name].map((row) => [row.id, row]))]),
  ) as Record<ReferenceTable, Map<string, Row>>;
  const counts = countDataset(dataset);

  return {
    get: async (name, id) => byId[name].get(id) as ReferenceRows[typeof name] | undefined,
    getMany: async (name, ids) =>
      ids.map((id) => byId[name].get(id)).filter((row) => row !== undefined) as ReferenceRows[typeof name][],
    where: async (name, field, value) =>
      rows[name].filter((row) => {
        const fieldValue = row[field as string];
        return Array.isArray(fieldValue) ? fieldValue.includes(value) : fieldValue === value;
      }) as ReferenceRows[typeof name][],
    all: async (name) => [...rows[name]] as ReferenceRows[typeof name][],
    counts: async () => ({ ...counts }),
  };
}
