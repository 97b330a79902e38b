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

export interface DatasetMeta {
  key: 'dataset';
  version: string;
  schemaVersion: number;
  title: string;
  seededAt: number;
  counts: ReferenceCounts;
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
  agencies: Agency;
  publications: Publication;
  events: StoredEvent;
  people: Person;
  terms: Term;
  contextRules: ContextRule;
  ambiguities: Ambiguity;
}

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
