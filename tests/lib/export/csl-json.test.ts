import { describe, expect, it } from 'vitest';
import { ICAT_NAME, type CitationEntry } from '@/lib/export/citable';
import { cslDate, exportCslJson, toCslItems } from '@/lib/export/csl-json';
import { checkCslData } from './csl-data-schema';
import { bookmarkFor, entityOf, sample } from './fixtures';

describe('CSL-JSON export', () => {
  it('passes the CSL 1.0.2 data schema check, for every record of the bundled dataset', () => {
    const { dataset } = sample();
    const entries: CitationEntry[] = [
      ...dataset.publications.map((p) => ({ bookmark: bookmarkFor(p.id, 'publication', p.title, { note: 'n', tags: ['a', 'b'] }), entity: entityOf(dataset, 'publications', p.id) })),
      ...dataset.events.map((e) => ({ bookmark: bookmarkFor(e.id, 'event', e.title), entity: entityOf(dataset, 'events', e.id) })),
      ...dataset.agencies.map((a) => ({ bookmark: bookmarkFor(a.id, 'agency', a.name.en), entity: entityOf(dataset, 'agencies', a.id) })),
      ...dataset.terms.map((t) => ({ bookmark: bookmarkFor(t.id, 'term', t.name.en), entity: entityOf(dataset, 'terms', t.id) })),
      ...dataset.people.map((p) => ({ bookmark: bookmarkFor(p.id, 'person', p.name), entity: entityOf(dataset, 'people', p.id) })),
    ];
    const parsed: unknown = JSON.parse(exportCslJson(entries));
    expect(checkCslData(parsed)).toEqual([]);
    expect((parsed as unknown[]).length).toBe(entries.length);
  });

  it('the structural check itself catches what the schema forbids', () => {
    expect(checkCslData({})).not.toEqual([]);
    expect(checkCslData([{ id: 'x' }])).toEqual(['item 0 has no "type"']);
    expect(checkCslData([{ id: 'x', type: 'techreport' }])[0]).toMatch(/not a CSL item type/);
    expect(checkCslData([{ id: 'x', type: 'report', institution: 'ICAT' }])[0]).toMatch(/additionalProperties/);
    expect(checkCslData([{ id: 'x', type: 'report', issued: { 'date-parts': [[2014, 9, 1, 5]] } }])[0]).toMatch(/date-parts/);
    expect(checkCslData([{ id: 'x', type: 'report', author: [{ name: 'ICAT' }] }])[0]).toMatch(/not a name part/);
  });

  it('maps a paper to a report by ICAT with number, genre, date, link, abstract, tags and note', () => {
    const { entries, bookmarks } = sample();
    const paper = entries.find((e) => e.entity?.kind === 'publication' && e.entity.record.number === '8')!;
    const record = paper.entity!.record as { id: string; title: string; date?: string; url?: string; sources: string[]; description: string };
    const [item] = toCslItems([paper]);
    expect(item).toEqual({
      id: record.id,
      type: 'report',
      title: record.title,
      author: [{ literal: ICAT_NAME }],
      publisher: ICAT_NAME,
      genre: 'Issue brief',
      number: '8',
      issued: { 'date-parts': [[2019]] },
      URL: record.url ?? record.sources[0],
      abstract: record.description,
      keyword: 'non-punishment, 📌',
      note: bookmarks[2]!.note,
    });
  });

  it('maps an event to a speech with event title, place and date', () => {
    const { entries } = sample();
    const event = entries.find((e) => e.entity?.kind === 'event' && e.entity.record.city === 'Vienna')!;
    const record = event.entity!.record as { id: string; title: string; date: string };
    const [item] = toCslItems([event]);
    const [y, m, d] = record.date.split('-').map(Number);
    expect(item).toMatchObject({
      id: record.id,
      type: 'speech',
      title: record.title,
      'event-title': record.title,
      'event-place': 'Vienna',
      genre: 'Meeting',
      issued: { 'date-parts': [[y, m, d]] },
      'event-date': { 'date-parts': [[y, m, d]] },
      keyword: 'Vienna, labour forced',
    });
    // Multi-paragraph notes survive in JSON exactly.
    expect(item!.note).toBe(event.bookmark.note);
  });

  it('cites agencies, terms and people as web pages with their link', () => {
    const { entries } = sample();
    const items = toCslItems(entries.filter((e) => ['agency', 'person', 'term', 'instrument', 'initiative'].includes(e.entity!.kind)));
    expect(items.map((i) => i.type)).toEqual(['webpage', 'webpage', 'webpage']);
    expect(items[0]).toMatchObject({ id: 'ilo', title: 'International Labour Organization', URL: expect.stringMatching(/^https:\/\//) });
    for (const item of items) expect(item.author).toBeUndefined();
  });

  it('still exports a bookmark whose record left the dataset, from what the bookmark kept', () => {
    const bookmark = bookmarkFor('icat-issue-brief-99', 'publication', 'A withdrawn brief', { note: 'gone', tags: ['x'] });
    expect(toCslItems([{ bookmark, entity: null }])).toEqual([
      { id: 'icat-issue-brief-99', type: 'report', title: 'A withdrawn brief', author: [{ literal: ICAT_NAME }], publisher: ICAT_NAME, keyword: 'x', note: 'gone' },
    ]);
  });

  it('turns partial ISO dates into date-parts', () => {
    expect(cslDate({ year: 2016 })).toEqual({ 'date-parts': [[2016]] });
    expect(cslDate({ year: 2017, month: 6 })).toEqual({ 'date-parts': [[2017, 6]] });
    expect(cslDate({ year: 2021, month: 9, day: 27 })).toEqual({ 'date-parts': [[2021, 9, 27]] });
  });
});
