import { describe, expect, it } from 'vitest';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import {
  buildSearchFromSource,
  createLibrarySearch,
  loadLibrarySearch,
  SEARCH_INDEX_FORMAT,
  type LibrarySearchOptions,
  type SearchResult,
} from '@/lib/search/library-search';
import { documentsFrom } from '@/lib/search/search-documents';
import { bundledDataset } from '../../helpers/bundled-matcher';

const dataset = bundledDataset();
const documents = documentsFrom(dataset);
const byId = new Map(documents.map((d) => [d.id, d]));
const library = createLibrarySearch(documents);
const ids = (results: SearchResult[]) => results.map((r) => r.id);

/**
 * What a reader types, and the record that must come first (or within the first `within`), over the real
 * bundled library. Queries without a trailing space are searched as if still being typed (the last word is
 * completed), as the popup does on every keystroke.
 */
const TABLE: { query: string; expected: string; within?: number; options?: LibrarySearchOptions; why: string }[] = [
  // Acronyms, in English, French and Spanish: the agency first.
  { query: 'IOM', expected: 'iom', why: 'English acronym' },
  { query: 'iom', expected: 'iom', why: 'acronym typed in lower case' },
  { query: 'OIT', expected: 'ilo', why: 'French/Spanish acronym of the ILO' },
  { query: 'UNODC', expected: 'unodc', why: 'English acronym' },
  { query: 'ONUDC', expected: 'unodc', why: 'French acronym' },
  { query: 'OIM', expected: 'iom', why: 'French/Spanish acronym of the IOM' },
  { query: 'ACNUR', expected: 'unhcr', why: 'Spanish acronym' },
  { query: 'HCDH', expected: 'ohchr', why: 'French acronym' },
  { query: 'UNTOC', expected: 'untoc', why: 'acronym-like surface form of an instrument' },
  { query: 'ONU Mujeres', expected: 'un-women', why: 'two-word Spanish acronym' },
  // Titles and names.
  { query: 'Preventing trafficking in persons by addressing demand', expected: 'icat-policy-paper-2-demand', why: 'exact title' },
  { query: 'demand', expected: 'icat-policy-paper-2-demand', within: 3, why: 'one word of a title' },
  { query: 'palermo', expected: 'tip-protocol', why: 'a surface form ("Palermo Protocol")' },
  { query: 'Palermo Protocol ', expected: 'tip-protocol', why: 'a whole surface form' },
  { query: 'Global Plan of Action ', expected: 'gpa', why: 'a whole surface form beats titles that contain it' },
  { query: 'sdg 8.7', expected: 'sdg-8-7', why: 'numbers in a name' },
  { query: 'issue brief 1', expected: 'icat-ib01-tip-vs-som', why: 'paper type and number, "01" found as "1"' },
  { query: 'non-punishment', expected: 'non-punishment', why: 'hyphenated term' },
  // French and Spanish names, with and without accents.
  { query: 'trata', expected: 'trafficking-in-persons', why: 'Spanish name' },
  { query: 'traite des personnes', expected: 'trafficking-in-persons', why: 'French name' },
  { query: 'organizacion internacional', expected: 'ilo', within: 2, why: 'Spanish name without accents' },
  { query: 'organizacion internacional', expected: 'iom', within: 2, why: 'Spanish name without accents' },
  { query: 'Organización Internacional del Trabajo', expected: 'ilo', why: 'Spanish name with accents' },
  { query: 'organisation internationale pour les migrations', expected: 'iom', why: 'French name' },
  { query: 'protocole de palerme', expected: 'tip-protocol', why: 'French surface form' },
  { query: 'travail force', expected: 'forced-labour', why: 'French, accent left out' },
  { query: 'TRABAJO FORZOSO', expected: 'forced-labour', why: 'Spanish, upper case' },
  { query: 'coeur bleu', expected: 'blue-heart', why: 'ligature œ typed as oe' },
  { query: 'corazon azul', expected: 'blue-heart', why: 'Spanish name without accent' },
  // Prefixes while typing.
  { query: 'unod', expected: 'unodc', why: 'acronym being typed' },
  { query: 'traf', expected: 'trafficking-in-persons', why: 'word being typed' },
  { query: 'palermo prot', expected: 'tip-protocol', why: 'second word being typed' },
  { query: 'palerm', expected: 'untoc', within: 2, why: 'word being typed (the Palermo Convention and Protocol)' },
  { query: 'palerm', expected: 'tip-protocol', within: 2, why: 'word being typed (the Palermo Convention and Protocol)' },
  { query: 'blue he', expected: 'blue-heart', why: 'second word being typed' },
  { query: 'trafficking in', expected: 'trafficking-in-persons', within: 10, why: 'a stop word being typed excludes nothing' },
  // Typos.
  { query: 'unodk', expected: 'unodc', why: 'one wrong letter in an acronym' },
  { query: 'smugling', expected: 'smuggling-protocol', why: 'one missing letter' },
  { query: 'technolgy', expected: 'icat-ib07-technology', within: 2, why: 'one missing letter' },
  { query: 'forced labor', expected: 'forced-labour', why: 'US spelling' },
  // People.
  { query: 'ghada waly', expected: 'ghada-waly', why: "a person's name" },
  { query: 'Siobhan', expected: 'siobhan-mullally', why: 'a name typed without its accent' },
  { query: 'lundborg', expected: 'hans-lundborg', why: 'a surname' },
  // Places, years and filters.
  { query: 'Tokyo', expected: '2006-09-tokyo-coordination-meeting', why: 'an event by its city' },
  { query: 'Vienna', expected: '2014-10-vienna-demand-paper-launch', options: { yearFrom: 2014, yearTo: 2014 }, why: 'city and year' },
  { query: '2014', expected: 'icat-policy-paper-2-demand', within: 4, why: 'a year' },
  { query: 'demand', expected: 'icat-policy-paper-2-demand', options: { kinds: ['publication'] }, why: 'kind filter' },
  {
    query: 'trafficking',
    expected: 'icat-2021-wdatip-statement',
    within: 5,
    options: { kinds: ['publication'], yearFrom: 2021, yearTo: 2021 },
    why: 'kind and year filter',
  },
  { query: 'unodc', expected: 'ghada-waly', options: { kinds: ['person'] }, within: 6, why: 'people by their role' },
];

describe('library search over the bundled library', () => {
  it.each(TABLE)('$query → $expected ($why)', ({ query, expected, within = 1, options }) => {
    const results = library.search(query, options);
    const rank = ids(results).indexOf(expected);
    expect(rank, `${expected} in ${JSON.stringify(ids(results).slice(0, 10))}`).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(within);
  });

  it('the table has at least 20 queries', () => {
    expect(new Set(TABLE.map((row) => row.query)).size).toBeGreaterThanOrEqual(20);
  });

  it('finds events by city, Vienna ones first', () => {
    const results = library.search('Vienna', { kinds: ['event'] });
    expect(results.length).toBeGreaterThan(5);
    for (const r of results.slice(0, 5)) expect(r.city).toBe('Vienna');
  });

  it('returns the summary fields the UI shows, a score and why it matched', () => {
    const [unodc] = library.search('ONUDC');
    expect(unodc).toMatchObject({
      id: 'unodc',
      kind: 'agency',
      title: 'United Nations Office on Drugs and Crime',
      subtitle: 'UNODC',
      matchedField: 'acronyms',
      snippet: 'Also known as: ONUDC',
      matchedWords: ['ONUDC'],
    });
    expect(unodc!.score).toBeGreaterThan(0);

    const [paper] = library.search('Preventing trafficking in persons by addressing demand');
    expect(paper).toMatchObject({ subtitle: 'Policy paper 2', date: '2014-09', matchedField: 'title' });
    expect(paper!.snippet).toBeUndefined();

    const [event] = library.search('Tokyo');
    expect(event).toMatchObject({ kind: 'event', city: 'Tokyo', date: '2006-09', snippet: 'In Tokyo' });
  });

  it('explains a match in another language with the name in that language', () => {
    const [ilo] = library.search('organizacion internacional');
    expect(ilo!.snippet).toBe('In Spanish: Organización Internacional del Trabajo');
    expect(ilo!.matchedWords).toEqual(['Organización', 'Internacional']);
  });

  it('explains a description match with a short excerpt around the matched word', () => {
    const results = library.search('demand');
    const fromDescription = results.find((r) => r.matchedField === 'description');
    expect(fromDescription?.snippet).toMatch(/demand/i);
    expect(fromDescription!.snippet!.length).toBeLessThanOrEqual(140);
    expect(fromDescription!.matchedWords.map((w) => w.toLowerCase())).toContain('demand');
  });

  it('ranks results by score, best first', () => {
    const scores = library.search('trafficking').map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('falls back to any word when no record has every word', () => {
    expect(ids(library.search('unodc zzzqqqxx'))[0]).toBe('unodc');
  });

  it('is case- and accent-insensitive', () => {
    const plain = ids(library.search('organizacion internacional del trabajo'));
    expect(ids(library.search('ORGANIZACIÓN INTERNACIONAL DEL TRABAJO'))).toEqual(plain);
    expect(ids(library.search('Organización Internacional del Trabajo'))).toEqual(plain);
  });

  it('leaves undated records out when a year bound is set, and filters by kind, agency and term', () => {
    expect(ids(library.search('toolkit'))).toContain('icat-toolkit-design-evaluation');
    expect(ids(library.search('toolkit', { yearFrom: 1900 }))).not.toContain('icat-toolkit-design-evaluation');
    for (const r of library.search('trafficking', { yearFrom: 2019, yearTo: 2021, limit: 100 })) {
      expect(Number(r.date!.slice(0, 4))).toBeGreaterThanOrEqual(2019);
      expect(Number(r.date!.slice(0, 4))).toBeLessThanOrEqual(2021);
    }
    const events = library.search('ICAT', { kinds: ['event', 'person'], limit: 100 });
    expect(events.length).toBeGreaterThan(0);
    for (const r of events) expect(['event', 'person']).toContain(r.kind);
    const withUnodc = library.search('vienna', { agencies: ['unodc'], limit: 100 });
    expect(withUnodc.length).toBeGreaterThan(0);
    for (const r of withUnodc) expect(byId.get(r.id)!.agencies).toContain('unodc');
    const onDemand = library.search('trafficking', { terms: ['demand'], limit: 100 });
    expect(ids(onDemand)).toContain('icat-policy-paper-2-demand');
    for (const r of onDemand) expect(byId.get(r.id)!.terms).toContain('demand');
  });

  it('gives the same results while typing as for the whole query at once', () => {
    const query = 'trafficking in persons';
    const fresh = createLibrarySearch(documents).search(query);
    const typing = createLibrarySearch(documents);
    let last: SearchResult[] = [];
    for (let i = 1; i <= query.length; i++) last = typing.search(query.slice(0, i));
    expect(last).toEqual(fresh);
    typing.clearCache();
    expect(typing.search(query)).toEqual(fresh);
  });
});

describe('library search input handling', () => {
  it('returns nothing for an empty, blank or punctuation-only query', () => {
    expect(library.search('')).toEqual([]);
    expect(library.search('   \t\n ')).toEqual([]);
    expect(library.search('!!! ... ---')).toEqual([]);
  });

  it('handles long queries without throwing', () => {
    const long = 'trafficking in persons protocol '.repeat(7).slice(0, 200);
    expect(long).toHaveLength(200);
    expect(() => library.search(long)).not.toThrow();
    expect(() => library.search('x'.repeat(200))).not.toThrow();
    expect(() => library.search('traffickingtraffickingtrafficking '.repeat(50))).not.toThrow();
  });

  const SPECIAL = ['(.*)', '[', ']', '\\', '$^', '+?', '*', 'c++', 'a|b', '{2,}', '%s', '🙂', '\u0000', '\ud800'];
  it.each([...SPECIAL, '<script>', "' OR 1=1 --", '.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*!'])(
    'does not throw on %j',
    (query) => {
      expect(Array.isArray(library.search(query))).toBe(true);
      expect(Array.isArray(library.search(`unodc ${query}`))).toBe(true);
    },
  );

  it('respects the limit (25 by default)', () => {
    expect(library.search('un', { limit: 3 })).toHaveLength(3);
    expect(library.search('trafficking').length).toBe(25);
    expect(library.search('trafficking', { limit: 100 }).length).toBeGreaterThan(25);
    expect(library.search('trafficking', { limit: 0 })).toEqual([]);
  });
});

describe('building and loading the index', () => {
  it('builds from a RecordSource', async () => {
    const fromSource = await buildSearchFromSource(memoryRecordSource(dataset));
    expect(fromSource.size).toBe(documents.length);
    expect(fromSource.search('palermo')).toEqual(library.search('palermo'));
  });

  it('exports an index that loads back to the same search, through JSON', () => {
    const snapshot = JSON.parse(JSON.stringify(library.exportIndex()));
    expect(snapshot.format).toBe(SEARCH_INDEX_FORMAT);
    const loaded = loadLibrarySearch(snapshot);
    expect(loaded.size).toBe(library.size);
    for (const query of ['OIT', 'unodk', 'trafficking in persons', 'vienna', 'traf']) {
      expect(loaded.search(query)).toEqual(library.search(query));
    }
  });

  it('refuses a snapshot of another format', () => {
    const snapshot = { ...library.exportIndex(), format: SEARCH_INDEX_FORMAT + 1 };
    expect(() => loadLibrarySearch(snapshot)).toThrow(/format/);
  });
});
