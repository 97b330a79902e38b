/**
 * What the database stores: the dataset's records (with a few derived fields that exist only to be
 * indexed), the user's bookmarks, and meta rows.
 */
import type {
  Agency,
  Ambiguity,
  ContextRule,
  Dataset,
  IcatEvent,
  Person,
  Publication,
  Term,
} from '../data/schema';

/**
 * A record that a bookmark points to and that a later dataset (a data pack, a new bundled version) no longer
 * has: kept so the bookmark stays readable, marked with the dataset version that dropped it. Retired records
 * are left out of the term index, search, the timeline and related lists. See docs/data-packs.md.
 */
export interface RetiredMark {
  /** The dataset version that no longer had the record. */
  since: string;
}
export interface Retirable {
  retired?: RetiredMark;
}

/** The retirement mark of a stored row (rows of the dataset's own types may carry it too). */
export function retiredMark(row: object): RetiredMark | undefined {
  const mark = (row as Retirable).retired;
  return mark && typeof mark.since === 'string' ? mark : undefined;
}
export const isCurrent = (row: object): boolean => retiredMark(row) === undefined;

/** Events carry the ids of their participants in a flat array so Dexie can index them (multiEntry). */
export type StoredEvent = IcatEvent & { people: string[] };

export function toStoredEvent(event: IcatEvent): StoredEvent {
  return { ...event, people: event.participants.map((p) => p.person) };
}

/** The kinds of library record a bookmark can point to. */
export type BookmarkItemKind = 'publication' | 'event' | 'agency' | 'term' | 'person';

export interface Bookmark {
  /** Random id; `itemId` is unique too, so one item has at most one bookmark (imports merge, never double). */
  id: string;
  itemId: string;
  itemKind: BookmarkItemKind;
  /** The item's title when saved, so a bookmark stays readable even if a later dataset drops the record. */
  title: string;
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** Where the reader was when saving: page URL and title, and the quoted mention. */
  foundAt?: { url: string; title: string; quote: string };
}

/** Where the library's records come from: the dataset bundled with the extension, or a data pack. */
export type DatasetSource =
  | { kind: 'bundled' }
  | {
      kind: 'pack';
      /** 'file' for a file the reader chose, otherwise the https URL it was fetched from. */
      origin: 'file' | string;
      /** The file name, when loaded from a file. */
      name?: string;
    };

export const BUNDLED_SOURCE: DatasetSource = { kind: 'bundled' };

export interface DatasetMeta {
  key: 'dataset';
  version: string;
  schemaVersion: number;
  title: string;
  seededAt: number;
  /** Counts of the dataset's own records (retired records are not counted here). */
  counts: ReferenceCounts;
  /** Absent in libraries seeded before data packs existed: those are bundled. */
  source?: DatasetSource;
  /** How many retired records the tables hold (absent = 0). */
  retired?: number;
}

export type MetaRow = DatasetMeta;

/** The tables that a reseed replaces. User tables (bookmarks) are never in this list. */
export const REFERENCE_TABLES = [
  'agencies',
  'publications',
  'events',
  'people',
  'terms',
  'contextRules',
  'ambiguities',
] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];
export type ReferenceCounts = Record<ReferenceTable, number>;

export interface ReferenceRows {
  agencies: Agency & Retirable;
  publications: Publication & Retirable;
  events: StoredEvent & Retirable;
  people: Person & Retirable;
  terms: Term & Retirable;
  contextRules: ContextRule;
  ambiguities: Ambiguity;
}

/** The reference tables whose records a bookmark can point to: only these keep retired records. */
export const BOOKMARKABLE_TABLES = ['agencies', 'publications', 'events', 'people', 'terms'] as const;

export function countDataset(d: Dataset): ReferenceCounts {
  return {
    agencies: d.agencies.length,
    publications: d.publications.length,
    events: d.events.length,
    people: d.people.length,
    terms: d.terms.length,
    contextRules: d.contextRules.length,
    ambiguities: d.ambiguities.length,
  };
}
