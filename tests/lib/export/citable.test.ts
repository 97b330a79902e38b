import { describe, expect, it } from 'vitest';
import { keywordList, loadCitationEntries, oneLine, parsePartialDate, toCitable } from '@/lib/export/citable';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { bookmarkFor, sample } from './fixtures';

describe('citation entries', () => {
  it('loads the record of every bookmark, of every kind, and null for a record the dataset dropped', async () => {
    const { dataset, bookmarks, entries } = sample();
    const gone = bookmarkFor('icat-issue-brief-99', 'publication', 'A withdrawn brief');
    const loaded = await loadCitationEntries([...bookmarks, gone], memoryRecordSource(dataset));
    expect(loaded.map((e) => e.bookmark)).toEqual([...bookmarks, gone]);
    expect(loaded.map((e) => e.entity?.kind ?? null)).toEqual([...entries.map((e) => e.entity!.kind), null]);
    expect(loaded.slice(0, -1).map((e) => e.entity!.record.id)).toEqual(bookmarks.map((b) => b.itemId));
  });

  it('flattens records: paper links fall back to the first source, agencies link their website', () => {
    const { entries } = sample();
    const undated = toCitable(entries[3]!);
    expect(undated.date).toBeUndefined();
    expect(undated.url).toMatch(/^https?:\/\//);
    const ilo = toCitable(entries.find((e) => e.bookmark.itemId === 'ilo')!);
    expect(ilo).toMatchObject({ kind: 'agency', title: 'International Labour Organization', byIcat: false });
  });

  it('reads partial ISO dates', () => {
    expect(parsePartialDate('2016')).toEqual({ year: 2016 });
    expect(parsePartialDate('2017-06')).toEqual({ year: 2017, month: 6 });
    expect(parsePartialDate('2021-09-27')).toEqual({ year: 2021, month: 9, day: 27 });
    expect(parsePartialDate('27/09/2021')).toBeNull();
  });

  it('puts text on one line for line-based formats', () => {
    expect(oneLine('  a\r\n\r\n  b\rc\nd\u2028e\tf\u0000g  ')).toBe('a b c d e fg');
  });

  it('makes a keyword list in which every tag stays one keyword', () => {
    expect(keywordList(['labour, forced', 'a;b', 'Trata', ' ', 'x\ny'])).toBe('labour forced, a b, Trata, x y');
  });
});
