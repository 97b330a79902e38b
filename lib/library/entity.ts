/**
 * Library records as the UI sees them: a kind, a one-line summary, and an entity with its relations.
 */
import type { Agency, EntityKind, Person, Publication, Term } from '../data/schema';
import { retiredMark, type StoredEvent } from '../db/records';

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  title: string;
  /** Acronym, paper type and number, a person's role. */
  subtitle?: string;
  /** Partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD). */
  date?: string;
  city?: string;
  /** Set when the record is retired: the dataset version that dropped it (kept for a bookmark). */
  retired?: string;
}

export type EntityRecord =
  | { kind: 'agency'; record: Agency }
  | { kind: 'publication'; record: Publication }
  | { kind: 'event'; record: StoredEvent }
  | { kind: 'person'; record: Person }
  | { kind: 'term' | 'instrument' | 'initiative'; record: Term };

export interface EntityDetails {
  entity: EntityRecord;
  summary: EntitySummary;
  /** Related records, each list newest first where records have dates. */
  related: {
    publications: EntitySummary[];
    events: EntitySummary[];
    agencies: EntitySummary[];
    people: EntitySummary[];
    terms: EntitySummary[];
  };
}

export function summarize(entity: EntityRecord): EntitySummary {
  const summary = summarizeRecord(entity);
  const retired = retiredMark(entity.record);
  return retired ? { ...summary, retired: retired.since } : summary;
}

function summarizeRecord(entity: EntityRecord): EntitySummary {
  switch (entity.kind) {
    case 'agency': {
      const a = entity.record;
      return { id: a.id, kind: 'agency', title: a.name.en, subtitle: a.acronym };
    }
    case 'publication': {
      const p = entity.record;
      const subtitle = p.number ? `${capitalise(p.type)} ${p.number}` : capitalise(p.type);
      return { id: p.id, kind: 'publication', title: p.title, subtitle, date: p.date };
    }
    case 'event': {
      const e = entity.record;
      return { id: e.id, kind: 'event', title: e.title, date: e.date, city: e.city };
    }
    case 'person': {
      const p = entity.record;
      return { id: p.id, kind: 'person', title: p.name, subtitle: p.role };
    }
    default: {
      const t = entity.record;
      return { id: t.id, kind: t.kind, title: t.name.en };
    }
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Newest first; undated records last; ties by title so the order is stable. */
export function byNewestFirst(a: EntitySummary, b: EntitySummary): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}
