/**
 * Real-looking bookmarks for the export tests: made from the bundled dataset's records, with the notes and
 * tags a multilingual researcher writes (accents, quotes, emoji, Arabic, long notes, TeX specials).
 */
import type { Dataset } from '@/lib/data/schema';
import { toStoredEvent, type Bookmark, type BookmarkItemKind } from '@/lib/db/records';
import { createBackup, type Backup } from '@/lib/export/backup';
import type { CitationEntry } from '@/lib/export/citable';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import type { EntityRecord } from '@/lib/library/entity';
import { bundledDataset } from '../../helpers/bundled-matcher';

export const HARD_TEXTS = {
  accents: 'Trata de personas — núcleo, coördination, façade, Ærø, Straße, naïve',
  quotes: `She said "non-punishment" isn't 'optional' – «toujours» „immer“`,
  emoji: 'Read again 📌🎉 (👩🏽‍⚖️ flagged it)',
  rtl: 'الاتجار بالأشخاص ‏(مراجعة)‏ — see p. 12',
  tex: 'Costs: 100% & $5 #3 a_b ~x^2 {braces} back\\slash',
  html: '<b>bold</b> <script>alert("x")</script> &amp;',
  multiline: 'First paragraph.\n\nSecond paragraph,\r\nwith a Windows line end.\n\tIndented.',
};

export const LONG_NOTE = `${'A long research note about demand-side measures. '.repeat(380)}End ✓`;

const KIND_OF_TABLE = { publications: 'publication', events: 'event', agencies: 'agency', terms: 'term', people: 'person' } as const;

let counter = 0;
export function bookmarkFor(itemId: string, itemKind: BookmarkItemKind, title: string, extra: Partial<Bookmark> = {}): Bookmark {
  counter++;
  return {
    id: `3f1c2b7e-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    itemId,
    itemKind,
    title,
    note: '',
    tags: [],
    createdAt: 1_764_000_000_000 + counter * 60_000,
    updatedAt: 1_764_000_000_000 + counter * 120_000,
    ...extra,
  };
}

export interface Sample {
  dataset: Dataset;
  bookmarks: Bookmark[];
  entries: CitationEntry[];
}

/** Bookmarks for a spread of real records, with hard notes and tags; entries pair them with their records. */
export function sample(): Sample {
  const dataset = bundledDataset();
  const picks: { table: keyof typeof KIND_OF_TABLE; id: string; extra: Partial<Bookmark> }[] = [
    {
      table: 'publications',
      id: dataset.publications.find((p) => p.title.startsWith('Preventing trafficking in persons by addressing demand'))!.id,
      extra: { note: `${HARD_TEXTS.accents}\n${HARD_TEXTS.quotes}`, tags: ['demand', 'Supply chains', 'Trata'] },
    },
    { table: 'publications', id: dataset.publications[0]!.id, extra: { note: LONG_NOTE, tags: ['review'] } },
    { table: 'publications', id: dataset.publications.find((p) => p.number === '8')!.id, extra: { note: HARD_TEXTS.emoji, tags: ['non-punishment', '📌'] } },
    { table: 'publications', id: dataset.publications.find((p) => p.date === undefined)!.id, extra: { note: HARD_TEXTS.rtl, tags: ['عربي'] } },
    { table: 'publications', id: dataset.publications.find((p) => p.title.includes('´'))!.id, extra: { note: HARD_TEXTS.tex, tags: ['costs & benefits'] } },
    {
      table: 'events',
      id: dataset.events.find((e) => e.city === 'Vienna' && e.date?.length === 10)!.id,
      extra: {
        note: HARD_TEXTS.multiline,
        tags: ['Vienna', 'labour, forced'],
        foundAt: { url: 'https://www.unodc.org/unodc/en/human-trafficking/news.html?q=icat&lang=fr#top', title: 'UNODC — news', quote: '…the ICAT side event…' },
      },
    },
    { table: 'events', id: dataset.events.find((e) => e.kind === 'statement')!.id, extra: { note: HARD_TEXTS.html } },
    { table: 'events', id: dataset.events.find((e) => e.city === undefined && e.kind === 'milestone')!.id, extra: {} },
    { table: 'agencies', id: 'ilo', extra: { note: 'Forced labour lead', tags: ['ILO'] } },
    { table: 'terms', id: dataset.terms[0]!.id, extra: { tags: ['law'] } },
    { table: 'people', id: dataset.people[0]!.id, extra: { note: 'Spoke in 2018' } },
  ];
  const bookmarks: Bookmark[] = [];
  const entries: CitationEntry[] = [];
  for (const { table, id, extra } of picks) {
    const entity = entityOf(dataset, table, id);
    const bookmark = bookmarkFor(id, KIND_OF_TABLE[table], titleOf(entity), extra);
    bookmarks.push(bookmark);
    entries.push({ bookmark, entity });
  }
  return { dataset, bookmarks, entries };
}

export function entityOf(dataset: Dataset, table: keyof typeof KIND_OF_TABLE, id: string): EntityRecord {
  switch (table) {
    case 'publications':
      return { kind: 'publication', record: dataset.publications.find((r) => r.id === id) ?? fail(id) };
    case 'events':
      return { kind: 'event', record: toStoredEvent(dataset.events.find((r) => r.id === id) ?? fail(id)) };
    case 'agencies':
      return { kind: 'agency', record: dataset.agencies.find((r) => r.id === id) ?? fail(id) };
    case 'people':
      return { kind: 'person', record: dataset.people.find((r) => r.id === id) ?? fail(id) };
    case 'terms': {
      const record = dataset.terms.find((r) => r.id === id) ?? fail(id);
      return { kind: record.kind, record };
    }
  }
}

function titleOf(entity: EntityRecord): string {
  switch (entity.kind) {
    case 'agency':
      return entity.record.name.en;
    case 'person':
      return entity.record.name;
    case 'publication':
    case 'event':
      return entity.record.title;
    default:
      return entity.record.name.en;
  }
}

export const EXPORTED_AT = new Date('2026-11-30T09:15:00.000Z');

/** Bookmarks a multilingual researcher might have: the sample, plus hard titles and page details. */
export function realLookingBookmarks(): Bookmark[] {
  const { bookmarks } = sample();
  return [
    ...bookmarks,
    bookmarkFor('icat-issue-brief-99', 'publication', `${HARD_TEXTS.html} ${HARD_TEXTS.quotes}`, {
      note: `${HARD_TEXTS.rtl}\n${HARD_TEXTS.emoji}\n${HARD_TEXTS.tex}`,
      tags: ['  spaced  tag ', 'Émigré', '🏳️‍🌈'],
      foundAt: { url: 'https://example.org/ar/صفحة?x=1#frag', title: 'صفحة — page «test»', quote: '“ICAT” said: <em>\u200fنعم\u200f</em>' },
    }),
    bookmarkFor('unodc', 'agency', 'United Nations Office on Drugs and Crime', { note: LONG_NOTE, createdAt: 0, updatedAt: 0 }),
  ];
}

export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, enabled: false, theme: 'dark', highlightKinds: ['agency', 'term'], hoverDelay: 'long' };

export function validBackup(bookmarks: Bookmark[] = realLookingBookmarks()): Backup {
  return createBackup(
    { bookmarks, settings: SETTINGS, disabledSites: ['example.org', 'xn--bcher-kva.example', 'localhost', '[::1]'], datasetVersion: '2026.11.30-1' },
    EXPORTED_AT,
  );
}

function fail(id: string): never {
  throw new Error(`fixture record ${id} is not in the bundled dataset`);
}
