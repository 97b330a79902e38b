import { describe, expect, it } from 'vitest';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { foldForSearch, searchTitles } from '@/lib/library/title-search';
import { miniDataset } from '../../fixtures/mini-dataset';

const source = memoryRecordSource(miniDataset());

describe('searchTitles', () => {
  it('finds a paper by its exact title first', async () => {
    const hits = await searchTitles(source, 'Preventing trafficking in persons by addressing demand');
    expect(hits[0]).toMatchObject({ id: 'icat-policy-paper-2-demand', kind: 'publication', rank: 0 });
  });

  it('is case- and accent-insensitive and searches names in every language', async () => {
    expect((await searchTitles(source, 'organizacion internacional'))[0]?.id).toBe('ilo');
    expect((await searchTitles(source, 'OIT'))[0]?.id).toBe('ilo');
    expect((await searchTitles(source, 'protocole de palerme'))[0]?.id).toBe('tip-protocol');
  });

  it('ranks prefix matches over word matches over substrings', async () => {
    const hits = await searchTitles(source, 'vien');
    expect(hits.every((h) => h.kind === 'event')).toBe(true);
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort());
  });

  it('returns nothing for blank or punctuation-only queries and respects the limit', async () => {
    expect(await searchTitles(source, '   ')).toEqual([]);
    expect(await searchTitles(source, '!!!')).toEqual([]);
    expect(await searchTitles(source, 'e', 2)).toHaveLength(2);
  });

  it('folds text for comparison', () => {
    expect(foldForSearch('  Organización  Internacional—del Trabajo ')).toBe('organizacion internacional del trabajo');
  });
});
