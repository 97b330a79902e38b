import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import { dexieBookmarkStore, normaliseTags } from '@/lib/library/bookmark-store';

const names: string[] = [];
const store = async () => {
  const name = `bookmarks-${names.length}`;
  names.push(name);
  const db = new LibraryDatabase(name);
  await db.open();
  let clock = 100;
  return { db, bookmarks: dexieBookmarkStore(db, () => clock++) };
};
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('dexieBookmarkStore', () => {
  it('saves one bookmark per item: saving again updates it and keeps its creation time', async () => {
    const { bookmarks } = await store();
    const first = await bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'ILO', note: 'first', tags: ['labour'] });
    const second = await bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'ILO', note: 'second' });
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    expect(second).toMatchObject({ note: 'second', tags: ['labour'] });
    expect(await bookmarks.count()).toBe(1);
  });

  it('lists newest first and removes by item', async () => {
    const { bookmarks } = await store();
    await bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'ILO' });
    await bookmarks.save({ itemId: 'unodc', itemKind: 'agency', title: 'UNODC' });
    expect((await bookmarks.list()).map((b) => b.itemId)).toEqual(['unodc', 'ilo']);
    expect(await bookmarks.remove('ilo')).toBe(true);
    expect(await bookmarks.remove('ilo')).toBe(false);
    expect((await bookmarks.list()).map((b) => b.itemId)).toEqual(['unodc']);
  });
});

describe('bookmark limits', () => {
  it('clamps notes and tags to the limits a backup accepts', async () => {
    const { bookmarks } = await store();
    const saved = await bookmarks.save({
      itemId: 'ilo',
      itemKind: 'agency',
      title: 'ILO',
      note: 'x'.repeat(25_000),
      tags: Array.from({ length: 70 }, (_, i) => `tag ${i} ${'y'.repeat(80)}`),
    });
    expect(saved.note).toHaveLength(20_000);
    expect(saved.tags).toHaveLength(50);
    expect(Math.max(...saved.tags.map((t) => t.length))).toBeLessThanOrEqual(60);
  });
});

describe('normaliseTags', () => {
  it('trims, folds inner whitespace, drops empties and case-insensitive duplicates', () => {
    expect(normaliseTags(['  Supply  chains ', 'supply chains', '', 'ILO', 'ilo', 'Trata'])).toEqual(['Supply chains', 'ILO', 'Trata']);
  });
});
