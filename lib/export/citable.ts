/**
 * What a citation export is made from: a bookmark plus the library record it points to, flattened into the
 * few fields every citation format needs. The CSL-JSON, RIS and BibTeX writers all start from a `Citable`,
 * so the three formats always agree on titles, dates, links and notes.
 *
 * Mapping decisions (the same in every format):
 * - papers (publications) are reports authored and published by ICAT, with the paper type as genre
 *   ('Issue brief') and the printed number;
 * - events are presentations/meetings: title, city, date and the event kind as genre ('Meeting');
 * - agencies, terms (including instruments and initiatives) and people are cited as web pages: their name,
 *   description and link (an agency's website, else the record's first source). They are exported rather
 *   than skipped so a reader's notes and tags on them reach the reference manager too.
 * - a bookmark whose record is no longer in the dataset is still exported, from what the bookmark itself
 *   kept (title, kind, note, tags).
 */
import type { Agency, EventKindSchema, Person, Publication, Term } from '../data/schema';
import type { Bookmark, BookmarkItemKind, ReferenceTable, StoredEvent } from '../db/records';
import type { EntityRecord } from '../library/entity';
import type { RecordSource } from '../library/record-source';
import type * as v from 'valibot';

/** ICAT as an author and publisher. The acronym is part of the name as ICAT prints it on its papers. */
export const ICAT_NAME = 'Inter-Agency Coordination Group against Trafficking in Persons (ICAT)';

export interface CitationEntry {
  bookmark: Bookmark;
  /** The record the bookmark points to, or null when the current dataset no longer has it. */
  entity: EntityRecord | null;
}

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export type EventKind = v.InferOutput<typeof EventKindSchema>;

export interface Citable {
  /** The record id (= the bookmark's itemId): stable across exports, so re-imports can match. */
  id: string;
  kind: BookmarkItemKind;
  title: string;
  /** Lower-case as in the dataset: the paper type ('issue brief'), the event kind, the term kind. */
  genre?: string;
  eventKind?: EventKind;
  /** A paper's number as printed ('01', '8'). */
  number?: string;
  date?: PartialDate;
  /** An event's city. */
  place?: string;
  url?: string;
  abstract?: string;
  /** True for ICAT papers: ICAT is their author and publisher. */
  byIcat: boolean;
  tags: string[];
  note: string;
}

const TABLE_OF_KIND: Record<BookmarkItemKind, ReferenceTable> = {
  publication: 'publications',
  event: 'events',
  agency: 'agencies',
  term: 'terms',
  person: 'people',
};

/**
 * The records the bookmarks point to, fetched with one `getMany` per table, in the bookmarks' order.
 * A bookmark whose record is gone gets `entity: null`.
 */
export async function loadCitationEntries(bookmarks: readonly Bookmark[], source: RecordSource): Promise<CitationEntry[]> {
  const found = new Map<string, EntityRecord>();
  await Promise.all(
    (Object.keys(TABLE_OF_KIND) as BookmarkItemKind[]).map(async (kind) => {
      const ids = bookmarks.filter((b) => b.itemKind === kind).map((b) => b.itemId);
      if (!ids.length) return;
      for (const entity of toEntities(kind, await source.getMany(TABLE_OF_KIND[kind], ids))) found.set(entity.record.id, entity);
    }),
  );
  return bookmarks.map((bookmark) => ({ bookmark, entity: found.get(bookmark.itemId) ?? null }));
}

function toEntities(kind: BookmarkItemKind, rows: unknown[]): EntityRecord[] {
  switch (kind) {
    case 'publication':
      return (rows as Publication[]).map((record) => ({ kind, record }));
    case 'event':
      return (rows as StoredEvent[]).map((record) => ({ kind, record }));
    case 'agency':
      return (rows as Agency[]).map((record) => ({ kind, record }));
    case 'person':
      return (rows as Person[]).map((record) => ({ kind, record }));
    case 'term':
      return (rows as Term[]).map((record) => ({ kind: record.kind, record }));
  }
}

/** Flattens a bookmark and its record into the fields the citation writers use. */
export function toCitable({ bookmark, entity }: CitationEntry): Citable {
  const base = { id: bookmark.itemId, tags: [...bookmark.tags], note: bookmark.note };
  if (!entity) {
    return { ...base, kind: bookmark.itemKind, title: bookmark.title, byIcat: bookmark.itemKind === 'publication' };
  }
  switch (entity.kind) {
    case 'publication': {
      const p = entity.record;
      return {
        ...base,
        id: p.id,
        kind: 'publication',
        title: p.title,
        genre: p.type,
        ...(p.number ? { number: p.number } : {}),
        ...optionalDate(p.date),
        url: p.url ?? p.sources[0],
        abstract: p.description,
        byIcat: true,
      };
    }
    case 'event': {
      const e = entity.record;
      return {
        ...base,
        id: e.id,
        kind: 'event',
        title: e.title,
        genre: e.kind,
        eventKind: e.kind,
        ...optionalDate(e.date),
        ...(e.city ? { place: e.city } : {}),
        url: e.sources[0],
        abstract: e.description,
        byIcat: false,
      };
    }
    case 'agency': {
      const a = entity.record;
      return { ...base, id: a.id, kind: 'agency', title: a.name.en, url: a.website ?? a.sources[0], abstract: a.description, byIcat: false };
    }
    case 'person': {
      const p = entity.record;
      return { ...base, id: p.id, kind: 'person', title: p.name, url: p.sources[0], abstract: p.description, byIcat: false };
    }
    default: {
      const t = entity.record;
      return { ...base, id: t.id, kind: 'term', title: t.name.en, genre: t.kind, url: t.sources[0], abstract: t.description, byIcat: false };
    }
  }
}

function optionalDate(iso: string | undefined): { date?: PartialDate } {
  const date = iso === undefined ? null : parsePartialDate(iso);
  return date ? { date } : {};
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (the dataset's partial ISO dates) to numbers; null for anything else. */
export function parsePartialDate(iso: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const date: PartialDate = { year: Number(m[1]) };
  if (m[2]) date.month = Number(m[2]);
  if (m[3]) date.day = Number(m[3]);
  return date;
}

/** 'issue brief' → 'Issue brief'. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * For line-based formats (RIS, BibTeX): every line break (CR, LF, CRLF, NEL, U+2028/9) and tab becomes a
 * single space, other control characters are dropped, and the ends are trimmed. Only the backup keeps text
 * byte for byte; citations are for reference managers, where a title or note is one field.
 */
export function oneLine(s: string): string {
  return s
    .replace(/[ \t]*(?:(?:\r\n|[\r\n\u0085\u2028\u2029\t])[ \t]*)+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
}

/**
 * Tags as one comma-separated keyword list (CSL `keyword`, BibTeX `keywords`). Readers split such lists on
 * commas and often on semicolons too, so inside a tag those become spaces: "labour, forced" stays one
 * keyword, "labour forced". (RIS has one KW line per tag and keeps tags exactly.)
 */
export function keywordList(tags: readonly string[]): string {
  return tags
    .map((t) => oneLine(t).replace(/\s*[,;]\s*/g, ' ').trim())
    .filter(Boolean)
    .join(', ');
}
