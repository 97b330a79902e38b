import { describe, expect, it } from 'vitest';
import { BOOKMARK_NOTE_MAX_LENGTH, BOOKMARK_TAGS_MAX } from '@/lib/constants';
import type { Bookmark } from '@/lib/db/records';
import { combineNotes, planImport } from '@/lib/export/plan-import';

const mark = (itemId: string, extra: Partial<Bookmark> = {}): Bookmark => ({
  id: `id-${itemId}`,
  itemId,
  itemKind: 'agency',
  title: itemId.toUpperCase(),
  note: '',
  tags: [],
  createdAt: 1_000,
  updatedAt: 2_000,
  ...extra,
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('planImport', () => {
  it('adds bookmarks for items that have none', () => {
    const current = [mark('ilo')];
    const incoming = [mark('iom', { note: 'new', tags: [' Migration ', 'migration'] })];
    expect(planImport(current, incoming)).toEqual({
      add: [{ ...incoming[0], tags: ['Migration'] }],
      merge: [],
      unchanged: 0,
    });
  });

  it('counts identical bookmarks as unchanged, so importing the same backup twice does nothing', () => {
    const current = [mark('ilo', { note: 'n', tags: ['a'] }), mark('iom')];
    expect(planImport(current, structuredClone(current))).toEqual({ add: [], merge: [], unchanged: 2 });
  });

  it('merges a bookmark for an item that has one: both notes, union of tags, earliest creation, latest change', () => {
    const current = mark('ilo', { note: 'Mine.', tags: ['ILO', 'labour'], createdAt: 5_000, updatedAt: 6_000 });
    const incoming = mark('ilo', { id: 'other-device', title: 'Old title', note: 'From the laptop.', tags: ['ilo', 'Supply  chains'], createdAt: 1_000, updatedAt: 9_000 });
    const plan = planImport([current], [incoming]);
    expect(plan.add).toEqual([]);
    expect(plan.unchanged).toBe(0);
    expect(plan.merge).toEqual([
      {
        current,
        incoming,
        shortened: [],
        result: { ...current, note: 'Mine.\n\nFrom the laptop.', tags: ['ILO', 'labour', 'Supply chains'], createdAt: 1_000, updatedAt: 9_000 },
      },
    ]);
    // Importing the merged result again changes nothing.
    expect(planImport([plan.merge[0]!.result], [incoming])).toEqual({ add: [], merge: [], unchanged: 1 });
  });

  it('keeps foundAt from the current bookmark, or takes the incoming one when there is none', () => {
    const here = { url: 'https://a.org', title: 'A', quote: 'a' };
    const there = { url: 'https://b.org', title: 'B', quote: 'b' };
    const keep = planImport([mark('ilo', { foundAt: here })], [mark('ilo', { foundAt: there, note: 'x' })]);
    expect(keep.merge[0]!.result.foundAt).toEqual(here);
    const take = planImport([mark('ilo')], [mark('ilo', { foundAt: there })]);
    expect(take.merge[0]!.result.foundAt).toEqual(there);
    const neither = planImport([mark('ilo')], [mark('ilo', { note: 'x' })]);
    expect(neither.merge[0]!.result).not.toHaveProperty('foundAt');
  });

  it('gives an added bookmark a new id when its id belongs to another item', () => {
    const current = [mark('ilo', { id: 'same' })];
    const plan = planImport(current, [mark('iom', { id: 'same' })], { newId: () => 'fresh' });
    expect(plan.add.map((b) => [b.itemId, b.id])).toEqual([['iom', 'fresh']]);
  });

  it('folds several incoming bookmarks for one item instead of doubling it', () => {
    const plan = planImport([mark('ilo', { note: 'a' })], [mark('ilo', { note: 'b' }), mark('ilo', { note: 'c' }), mark('iom', { note: 'x' }), mark('iom', { note: 'y', tags: ['t'] })]);
    expect(plan.merge).toHaveLength(1);
    expect(plan.merge[0]!.result.note).toBe('a\n\nb\n\nc');
    expect(plan.add).toEqual([mark('iom', { note: 'x\n\ny', tags: ['t'] })]);
  });

  it('stays within the bookmark limits and says what it shortened', () => {
    const half = 'a'.repeat(BOOKMARK_NOTE_MAX_LENGTH - 10);
    const tags = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}${i}`);
    const plan = planImport([mark('ilo', { note: half, tags: tags('x') })], [mark('ilo', { note: `${'b'.repeat(100)}🎉`, tags: tags('y') })]);
    const { result, shortened } = plan.merge[0]!;
    expect(shortened).toEqual(['note', 'tags']);
    expect(result.note.length).toBeLessThanOrEqual(BOOKMARK_NOTE_MAX_LENGTH);
    expect(result.note.endsWith('…')).toBe(true);
    expect(result.note.startsWith(half)).toBe(true);
    expect(result.tags).toHaveLength(BOOKMARK_TAGS_MAX);
    expect(result.tags.slice(0, 30)).toEqual(tags('x'));
  });

  it('never splits an emoji when it shortens a note', () => {
    // Every offset, so the cut falls both between and inside the emoji's two UTF-16 halves.
    for (let offset = 2; offset <= 7; offset++) {
      const current = 'a'.repeat(BOOKMARK_NOTE_MAX_LENGTH - offset);
      const { result } = planImport([mark('ilo', { note: current })], [mark('ilo', { note: '🎉🎉🎉' })]).merge[0]!;
      expect(result.note).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      expect(result.note.endsWith('…')).toBe(true);
      expect(result.note.length).toBeLessThanOrEqual(BOOKMARK_NOTE_MAX_LENGTH);
    }
  });

  it('is pure: changes none of its arguments', () => {
    const current = deepFreeze([mark('ilo', { note: 'a', tags: ['x'] }), mark('iom', { id: 'taken' })]);
    const incoming = deepFreeze([mark('ilo', { note: 'b', tags: ['y'], foundAt: { url: 'https://a.org', title: '', quote: '' } }), mark('unodc', { id: 'taken' })]);
    const before = structuredClone([current, incoming]);
    const plan = planImport(current, incoming, { newId: () => 'n1' });
    expect([current, incoming]).toEqual(before);
    expect(plan.merge[0]!.result.foundAt).not.toBe(incoming[0]!.foundAt);
  });
});

describe('combineNotes', () => {
  it.each([
    ['', '', ''],
    ['mine', '', 'mine'],
    ['', 'theirs', 'theirs'],
    ['same', 'same', 'same'],
    ['A longer note with the short one inside.', 'short one', 'A longer note with the short one inside.'],
    ['short one', 'A longer note with the short one inside.', 'A longer note with the short one inside.'],
    ['Spacing  differs\nhere', 'Spacing differs here', 'Spacing  differs\nhere'],
    ['First.\n', '\nSecond.', 'First.\n\nSecond.'],
    ['مرحبا', 'Hello 👋', 'مرحبا\n\nHello 👋'],
  ])('%j + %j → %j', (current, incoming, expected) => {
    expect(combineNotes(current, incoming)).toBe(expected);
  });
});
