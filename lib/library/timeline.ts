/**
 * The library's timeline: every ICAT event and paper placed in its year, with the agencies and themes a
 * reader can filter by. Pure over a RecordSource, so the background answers it (`get-timeline`) from the
 * database or from memory alike, and tests run it over the bundled dataset.
 */
import type { Publication } from '../data/schema';
import { isCurrent, type StoredEvent } from '../db/records';
import type { RecordSource } from './record-source';

export interface TimelineItem {
  id: string;
  kind: 'event' | 'publication';
  title: string;
  /** Partial ISO date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  date: string;
  year: number;
  /** Events only. */
  city?: string;
  /** An event's kind ('meeting', 'launch', ...) or a paper's type ('policy paper', 'issue brief', ...). */
  type?: string;
  /** Agency ids: an event's own; a paper's own and those of the event it was launched at. */
  agencies: string[];
  /** Term ids (themes). */
  terms: string[];
  /** A paper launched or presented at an event: that event's id. */
  launchedAt?: string;
  /** Where the sources only bound the date, the caveat. */
  dateNote?: string;
}

/** An event or paper that the sources do not date: everything a dated item has except its date. */
export type UndatedTimelineItem = Omit<TimelineItem, 'date' | 'year'>;

export interface TimelineAgency {
  id: string;
  name: string;
  acronym?: string;
}

export interface TimelineTheme {
  id: string;
  name: string;
}

export interface TimelineData {
  /** Dated items, oldest first. */
  items: TimelineItem[];
  /** Items without a date, by title. */
  undated: UndatedTimelineItem[];
  /** Only agencies that some item (dated or not) names, by acronym or name. */
  agencies: TimelineAgency[];
  /** Only terms that some item names, by name. */
  themes: TimelineTheme[];
  /** First year with an item to the current year (or the last item's year, if later). */
  range: { from: number; to: number };
}

export async function buildTimeline(source: RecordSource, today: Date = new Date()): Promise<TimelineData> {
  // Retired records (kept only for a bookmark, docs/data-packs.md) are not on the timeline.
  const [events, publications, agencyRows, termRows] = await Promise.all([
    source.all('events').then((rows) => rows.filter(isCurrent)),
    source.all('publications').then((rows) => rows.filter(isCurrent)),
    source.all('agencies').then((rows) => rows.filter(isCurrent)),
    source.all('terms').then((rows) => rows.filter(isCurrent)),
  ]);
  const agencyById = new Map(agencyRows.map((a) => [a.id, a]));
  const termById = new Map(termRows.map((t) => [t.id, t]));
  const known = (ids: Iterable<string>, table: ReadonlyMap<string, unknown>) => unique([...ids].filter((id) => table.has(id)));

  const launchEvents = new Map<string, StoredEvent[]>();
  for (const event of events) {
    for (const paperId of unique(event.launched)) launchEvents.set(paperId, [...(launchEvents.get(paperId) ?? []), event]);
  }

  const all: (UndatedTimelineItem & { date?: string })[] = [];
  const withDate = (item: UndatedTimelineItem, date: string | undefined, dateNote: string | undefined) => ({
    ...item,
    ...(date ? { date } : {}),
    ...(dateNote ? { dateNote } : {}),
  });

  for (const event of events) {
    all.push(
      withDate(
        {
          id: event.id,
          kind: 'event',
          title: event.title,
          ...(event.city ? { city: event.city } : {}),
          type: event.kind,
          agencies: known(event.agencies, agencyById),
          terms: known(event.terms, termById),
        },
        event.date,
        event.dateNote,
      ),
    );
  }
  for (const paper of publications) {
    const launch = primaryLaunchEvent(paper, launchEvents.get(paper.id) ?? []);
    all.push(
      withDate(
        {
          id: paper.id,
          kind: 'publication',
          title: paper.title,
          type: paper.type,
          agencies: known([...paper.agencies, ...(launch?.agencies ?? [])], agencyById),
          terms: known(paper.terms, termById),
          ...(launch ? { launchedAt: launch.id } : {}),
        },
        paper.date,
        paper.dateNote,
      ),
    );
  }

  const items: TimelineItem[] = [];
  const undated: UndatedTimelineItem[] = [];
  for (const item of all) {
    if (item.date) items.push({ ...item, date: item.date, year: Number(item.date.slice(0, 4)) });
    else undated.push(item);
  }
  items.sort(chronological);
  undated.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));

  const shown = [...items, ...undated];
  const agencies = unique(shown.flatMap((item) => item.agencies))
    .map((id) => agencyById.get(id)!)
    .map((a): TimelineAgency => ({ id: a.id, name: a.name.en, ...(a.acronym ? { acronym: a.acronym } : {}) }))
    .sort((a, b) => (a.acronym ?? a.name).localeCompare(b.acronym ?? b.name));
  const themes = unique(shown.flatMap((item) => item.terms))
    .map((id) => termById.get(id)!)
    .map((t): TimelineTheme => ({ id: t.id, name: t.name.en }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const thisYear = today.getFullYear();
  const years = items.map((item) => item.year);
  const range = years.length
    ? { from: Math.min(...years), to: Math.max(thisYear, ...years) }
    : { from: thisYear, to: thisYear };
  return { items, undated, agencies, themes, range };
}

/**
 * A paper may be launched at one event and presented again at later ones (the 2023 call to action was
 * approved in New York in November 2023 and presented at the HLPF in July 2024). Its launch is the event
 * nearest its own date, the earlier one on a tie; for an undated paper, the earliest dated event.
 */
function primaryLaunchEvent(paper: Publication, events: readonly StoredEvent[]): StoredEvent | undefined {
  if (events.length <= 1) return events[0];
  const ranked = [...events].sort((a, b) => {
    if (paper.date) {
      const distance = monthDistance(paper.date, a.date) - monthDistance(paper.date, b.date);
      if (distance !== 0) return distance;
    }
    return compareDates(a.date, b.date) || a.id.localeCompare(b.id);
  });
  return ranked[0];
}

/** Months between two partial dates (a missing month counts as January); undated is farthest. */
function monthDistance(a: string, b: string | undefined): number {
  if (!b) return Number.POSITIVE_INFINITY;
  return Math.abs(monthIndex(a) - monthIndex(b));
}
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) || 1) - 1;

/** Undated last; otherwise partial ISO dates sort as strings ('2016' before '2016-01'). */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

/** Oldest first; on the same date an event before the papers launched at it, then by title. */
function chronological(a: TimelineItem, b: TimelineItem): number {
  return (
    compareDates(a.date, b.date) ||
    (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) ||
    a.title.localeCompare(b.title) ||
    a.id.localeCompare(b.id)
  );
}

const unique = (ids: Iterable<string>): string[] => [...new Set(ids)];
