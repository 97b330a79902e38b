import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import { describeStorageFailure, libraryStatus, openLibrary } from '@/lib/library/open-library';
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
    expect(status.dataset).toEqual({ version: '2026.11.30', title: 'Mini test library', seededAt: 99 });
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
