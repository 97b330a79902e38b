/**
 * The database's schema history. Each entry is one Dexie version; never edit a released entry, add a new
 * one with an `upgrade` that carries user data forward, and a test that opens a fixture database of every
 * earlier version (tests/lib/db/migrations.test.ts). See docs/decisions/0003-database-and-seeding.md.
 */
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes ('*' = multiEntry, '&' = unique). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Reference tables, replaced whole by a reseed. Indexes serve the card (relations) and popup (lists).
      agencies: 'id, acronym, role, name.en',
      publications: 'id, date, type, title, *agencies, *terms',
      events: 'id, date, city, title, *launched, *agencies, *people, *terms',
      people: 'id, name, agency',
      terms: 'id, kind, name.en, *publications',
      contextRules: 'id',
      ambiguities: 'id, form',
      // User data: never touched by a reseed.
      bookmarks: 'id, &itemId, itemKind, createdAt, updatedAt, *tags',
      meta: 'key',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function declareSchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}
