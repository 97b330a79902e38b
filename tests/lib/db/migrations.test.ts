/**
 * Schema migrations keep user data. Each released schema version gets a fixture database built with
 * exactly that version's declaration, filled with real-looking bookmarks, then opened with today's code.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import type { Bookmark } from '@/lib/db/records';
import { seedLibrary } from '@/lib/db/seed';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from '@/lib/db/schema-versions';
import { miniDataset } from '../../fixtures/mini-dataset';

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

const savedBookmarks: Bookmark[] = [
  {
    id: '6f1c0f9e-6a53-4a53-9a59-0d5c5f3e0a01',
    itemId: 'icat-policy-paper-2-demand',
    itemKind: 'publication',
    title: 'Preventing trafficking in persons by addressing demand',
    note: 'Cite in the procurement chapter. Draws on ILO standards — see §3.',
    tags: ['procurement', 'demand'],
    createdAt: Date.UTC(2026, 0, 5),
    updatedAt: Date.UTC(2026, 1, 2),
    foundAt: { url: 'https://example.org/news/article', title: 'An article', quote: '…the ICAT Demand paper…' },
  },
  {
    id: '6f1c0f9e-6a53-4a53-9a59-0d5c5f3e0a02',
    itemId: '2012-10-vienna-legal-frameworks-launch',
    itemKind: 'event',
    title: 'Side event on the margins of the Conference of the Parties to UNTOC',
    note: '',
    tags: [],
    createdAt: Date.UTC(2026, 2, 1),
    updatedAt: Date.UTC(2026, 2, 1),
  },
];

/** Builds a database exactly as schema version `upTo` left it, with a dataset and bookmarks in it. */
async function fixtureAtVersion(upTo: number): Promise<string> {
  const name = `migration-fixture-v${upTo}-${names.length}`;
  names.push(name);
  const old = new LibraryDatabase(name, {}, SCHEMA_VERSIONS.filter((s) => s.version <= upTo));
  await old.open();
  await seedLibrary(old, miniDataset('2026.01.01'));
  await old.bookmarks.bulkAdd(savedBookmarks);
  old.close();
  return name;
}

describe('schema migrations', () => {
  it('declares versions in increasing order, ending at the current one', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION);
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens a version ${version} database with today's schema and keeps every bookmark`, async () => {
      const name = await fixtureAtVersion(version);
      const db = new LibraryDatabase(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(await db.bookmarks.orderBy('createdAt').toArray()).toEqual(savedBookmarks);
      // and a reseed after the upgrade still keeps them
      await seedLibrary(db, miniDataset('2026.12.01'));
      expect(await db.bookmarks.count()).toBe(savedBookmarks.length);
      db.close();
    });
  }

  it('runs an upgrade step that rewrites bookmarks without losing any (the path every future version takes)', async () => {
    const name = await fixtureAtVersion(CURRENT_SCHEMA_VERSION);
    // A next version as a future change would write it: a new index and a back-fill of every bookmark.
    const next: SchemaVersion = {
      version: CURRENT_SCHEMA_VERSION + 1,
      stores: { bookmarks: 'id, &itemId, itemKind, createdAt, updatedAt, *tags, title' },
      upgrade: async (tx) => {
        await tx
          .table<Bookmark>('bookmarks')
          .toCollection()
          .modify((b) => {
            b.tags = b.tags.map((t) => t.toLowerCase());
          });
      },
    };
    const db = new LibraryDatabase(name, {}, [...SCHEMA_VERSIONS, next]);
    await db.open();
    const after = await db.bookmarks.orderBy('createdAt').toArray();
    expect(after.map((b) => b.itemId)).toEqual(savedBookmarks.map((b) => b.itemId));
    expect(after[0]!.note).toBe(savedBookmarks[0]!.note);
    expect(await db.bookmarks.where('title').startsWith('Preventing').count()).toBe(1);
    db.close();
  });
});
