import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import { applyPackToLibrary, describeStorageFailure, libraryStatus, openLibrary, rollbackLibrary } from '@/lib/library/open-library';
import { DEMAND_PAPER, withNewPaper, withoutDemandPaper } from '../../fixtures/data-packs';
import { miniDataset } from '../../fixtures/mini-dataset';

const names: string[] = [];
const freshDatabase = () => {
  const name = `open-library-${names.length}`;
  names.push(name);
  return () => new LibraryDatabase(name);
};
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('openLibrary', () => {
  it('seeds a fresh database from the bundled dataset and reports IndexedDB storage', async () => {
    const library = await openLibrary({ readBundledDataset: async () => miniDataset(), openDatabase: freshDatabase(), now: () => 99 });
    const status = await libraryStatus(library);
    expect(status.storage).toEqual({ mode: 'indexeddb' });
    expect(status.dataset).toEqual({ version: '2026.11.30', title: 'Mini test library', seededAt: 99, source: { kind: 'bundled' }, retired: 0 });
    expect(status.counts).toMatchObject({ agencies: 2, publications: 2, events: 2, people: 1, terms: 1 });
    expect(status.bookmarks).toEqual({ available: true, count: 0 });
  });

  it('reseeds when the bundled dataset has a new version, keeping bookmarks', async () => {
    const openDatabase = freshDatabase();
    const first = await openLibrary({ readBundledDataset: async () => miniDataset('2026.11.30'), openDatabase });
    await first.bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'International Labour Organization', note: 'n' });
    first.db!.close();

    const second = await openLibrary({ readBundledDataset: async () => miniDataset('2026.12.24'), openDatabase });
    expect(second.dataset.version).toBe('2026.12.24');
    expect((await second.bookmarks.list()).map((b) => [b.itemId, b.note])).toEqual([['ilo', 'n']]);
  });

  it('does not validate or rewrite anything when the stored version is current', async () => {
    const openDatabase = freshDatabase();
    await openLibrary({ readBundledDataset: async () => miniDataset(), openDatabase, now: () => 1 });
    // Same version but a shape the validator would refuse: proves the fast path skips validation.
    const library = await openLibrary({
      readBundledDataset: async () => ({ ...miniDataset(), agencies: 'not even an array' }),
      openDatabase,
      now: () => 2,
    });
    expect(library.dataset.seededAt).toBe(1);
  });

  it('falls back to the bundled dataset in memory when IndexedDB cannot be opened', async () => {
    const library = await openLibrary({
      readBundledDataset: async () => miniDataset(),
      // No indexedDB implementation at all, as in a Firefox private window of older versions.
      openDatabase: () => new LibraryDatabase('no-idb', { indexedDB: undefined as never, IDBKeyRange: undefined as never }),
    });
    expect(library.storage.mode).toBe('memory');
    const status = await libraryStatus(library);
    expect(status.counts.publications).toBe(2);
    expect(status.dataset.seededAt).toBeNull();
    expect(status.bookmarks.available).toBe(false);
    if (!status.bookmarks.available) expect(status.bookmarks.reason).toMatch(/^Bookmarks are unavailable: the browser/);
    await expect(library.bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'ILO' })).rejects.toMatchObject({
      code: 'bookmarks-unavailable',
    });
    expect(await library.source.get('agencies', 'unodc')).toMatchObject({ acronym: 'UNODC' });
  });

  it('refuses to start on an invalid bundled dataset rather than serving broken data', async () => {
    await expect(
      openLibrary({ readBundledDataset: async () => ({ ...miniDataset(), version: 'latest' }), openDatabase: freshDatabase() }),
    ).rejects.toMatchObject({ code: 'dataset-invalid' });
  });
});

describe('openLibrary with data packs', () => {
  const pack = { kind: 'pack', origin: 'https://example.org/pack.json' } as const;

  it('does not replace an applied pack with the bundled dataset on the next start, even on a new bundled version', async () => {
    const openDatabase = freshDatabase();
    const first = await openLibrary({ readBundledDataset: async () => miniDataset('2026.11.30'), openDatabase });
    await applyPackToLibrary(first, withNewPaper('2026.11.30'), pack, 7);
    expect(first.dataset).toMatchObject({ version: '2026.11.30', source: pack, seededAt: 7 });
    first.db!.close();

    for (const bundled of ['2026.11.30', '2027.01.01']) {
      const again = await openLibrary({ readBundledDataset: async () => miniDataset(bundled), openDatabase });
      expect(again.dataset).toMatchObject({ version: '2026.11.30', source: pack, seededAt: 7 });
      expect(await again.source.get('publications', 'pack-test-paper')).toBeDefined();
      again.db!.close();
    }
  });

  it('rolls back to the bundled dataset (retired rule applies), and later starts follow the bundled version again', async () => {
    const openDatabase = freshDatabase();
    const library = await openLibrary({ readBundledDataset: async () => withoutDemandPaper('2026.11.30'), openDatabase });
    await applyPackToLibrary(library, withNewPaper('2026.12.01'), pack);
    await library.bookmarks.save({ itemId: DEMAND_PAPER, itemKind: 'publication', title: 'Demand', note: 'mine' });

    const change = await rollbackLibrary(library, 9);
    expect(change.retiredIds).toEqual([DEMAND_PAPER]);
    expect(library.dataset).toEqual({ version: '2026.11.30', title: 'Mini test library', seededAt: 9, source: { kind: 'bundled' }, retired: 1 });
    expect(await library.source.get('publications', 'pack-test-paper')).toBeUndefined();
    expect(await library.source.get('publications', DEMAND_PAPER)).toMatchObject({ retired: { since: '2026.11.30' } });
    expect((await libraryStatus(library)).dataset).toMatchObject({ source: { kind: 'bundled' }, retired: 1 });
    expect((await library.bookmarks.list()).map((b) => b.note)).toEqual(['mine']);
    library.db!.close();

    const next = await openLibrary({ readBundledDataset: async () => withoutDemandPaper('2026.12.24'), openDatabase });
    expect(next.dataset).toMatchObject({ version: '2026.12.24', source: { kind: 'bundled' }, retired: 1 });
    next.db!.close();
  });

  it('refuses to apply a pack to the read-only in-memory library', async () => {
    const library = await openLibrary({
      readBundledDataset: async () => miniDataset(),
      openDatabase: () => new LibraryDatabase('no-idb', { indexedDB: undefined as never, IDBKeyRange: undefined as never }),
    });
    await expect(applyPackToLibrary(library, withNewPaper('2026.12.01'), pack)).rejects.toMatchObject({ code: 'storage-unavailable' });
  });
});

describe('describeStorageFailure', () => {
  it('names quota problems and unavailable IndexedDB in plain words', () => {
    expect(describeStorageFailure(Object.assign(new Error('x'), { name: 'QuotaExceededError' }))).toMatch(/no storage space/);
    expect(describeStorageFailure(new Dexie.MissingAPIError('IndexedDB API missing'))).toMatch(/does not allow IndexedDB/);
    expect(describeStorageFailure(new Dexie.OpenFailedError('x', { name: 'QuotaExceededError' } as Error))).toMatch(
      /no storage space/,
    );
    expect(describeStorageFailure(new TypeError('odd'))).toMatch(/could not be opened \(TypeError\)/);
  });
});
