import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import { seedLibrary } from '@/lib/db/seed';
import type { Bookmark } from '@/lib/db/records';
import { miniDataset } from '../../fixtures/mini-dataset';

let db: LibraryDatabase;
let name = 0;

beforeEach(async () => {
  db = new LibraryDatabase(`seed-test-${++name}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const bookmark: Bookmark = {
  id: 'b1',
  itemId: 'icat-policy-paper-2-demand',
  itemKind: 'publication',
  title: 'Preventing trafficking in persons by addressing demand',
  note: 'Key reading for the supply-chain story',
  tags: ['supply chains'],
  createdAt: 1,
  updatedAt: 2,
};

describe('seedLibrary', () => {
  it('fills every reference table and records the version and counts', async () => {
    const result = await seedLibrary(db, miniDataset(), 1234);
    expect(result).toEqual({ changed: true, previousVersion: null, version: '2026.11.30' });
    expect(await db.agencies.count()).toBe(2);
    expect(await db.publications.count()).toBe(2);
    expect(await db.events.count()).toBe(2);
    expect(await db.people.count()).toBe(1);
    expect(await db.terms.count()).toBe(1);
    const meta = await db.meta.get('dataset');
    expect(meta).toMatchObject({ version: '2026.11.30', seededAt: 1234, counts: { agencies: 2, publications: 2 } });
  });

  it('stores events with a flat, indexed list of participants', async () => {
    await seedLibrary(db, miniDataset());
    const events = await db.events.where('people').equals('martin-fowke').toArray();
    expect(events.map((e) => e.id)).toEqual(['2012-10-vienna-legal-frameworks-launch']);
    const papers = await db.publications.where('terms').equals('tip-protocol').toArray();
    expect(papers.map((p) => p.id)).toEqual(['icat-policy-paper-1-legal-frameworks']);
  });

  it('does nothing when the same version is already stored', async () => {
    await seedLibrary(db, miniDataset(), 1);
    await db.agencies.delete('ilo'); // a change the reseed would undo
    const result = await seedLibrary(db, miniDataset(), 2);
    expect(result.changed).toBe(false);
    expect(await db.agencies.get('ilo')).toBeUndefined();
    expect((await db.meta.get('dataset'))!.seededAt).toBe(1);
  });

  it('replaces the reference tables on a new version and keeps bookmarks untouched', async () => {
    await seedLibrary(db, miniDataset('2026.11.30'));
    await db.bookmarks.add(bookmark);
    const next = miniDataset('2026.12.01');
    next.agencies = next.agencies.filter((a) => a.id !== 'ilo');
    next.publications[1]!.agencies = [];
    next.terms[0]!.name.en = 'UN Trafficking in Persons Protocol';

    const result = await seedLibrary(db, next);
    expect(result).toEqual({ changed: true, previousVersion: '2026.11.30', version: '2026.12.01' });
    expect(await db.agencies.get('ilo')).toBeUndefined();
    expect((await db.terms.get('tip-protocol'))!.name.en).toBe('UN Trafficking in Persons Protocol');
    expect(await db.bookmarks.toArray()).toEqual([bookmark]);
  });

  it('is atomic: a failure halfway leaves the previous library and the bookmarks as they were', async () => {
    await seedLibrary(db, miniDataset('2026.11.30'));
    await db.bookmarks.add(bookmark);
    const broken = miniDataset('2026.12.01');
    broken.people.push({ ...broken.people[0]! }); // duplicate primary key: bulkAdd fails after tables were cleared

    await expect(seedLibrary(db, broken)).rejects.toThrow();
    expect((await db.meta.get('dataset'))!.version).toBe('2026.11.30');
    expect(await db.agencies.count()).toBe(2);
    expect(await db.people.count()).toBe(1);
    expect(await db.bookmarks.toArray()).toEqual([bookmark]);
  });
});
