/**
 * What the timeline shows for a choice of filters: which records match, how they sit in their years
 * (papers under the event that launched them) and how many records each filter option would leave.
 * Pure, so Timeline.tsx only draws.
 */
import { t, type MessageKey } from '@/lib/i18n/t';
import { SHORT_MONTH_KEYS } from '@/lib/i18n/months';
import type { TimelineData, TimelineItem, UndatedTimelineItem } from '@/lib/library/timeline';

/** One agency and one theme at most; both must hold (AND). `null` is "any". */
export interface TimelineFilter {
  agency: string | null;
  theme: string | null;
}

export const NO_FILTER: TimelineFilter = { agency: null, theme: null };

export type AnyTimelineItem = TimelineItem | UndatedTimelineItem;

export const isFiltered = (filter: TimelineFilter): boolean => filter.agency !== null || filter.theme !== null;

export function matchesFilter(item: AnyTimelineItem, filter: TimelineFilter): boolean {
  return (
    (filter.agency === null || item.agencies.includes(filter.agency)) &&
    (filter.theme === null || item.terms.includes(filter.theme))
  );
}

/** A record in its year: an event with the papers launched at it, or a paper on its own. */
export interface TimelineEntry {
  item: TimelineItem;
  /** Papers launched at this event (dated ones of the same year, and undated ones). */
  attached: AnyTimelineItem[];
  /** A paper shown on its own although launched at an event (another year, or the event filtered out). */
  launchedAt?: TimelineItem;
}

export interface TimelineYearView {
  year: number;
  entries: TimelineEntry[];
  /** Records of this year shown, events and papers (attached ones included; undated ones not). */
  events: number;
  papers: number;
}

export interface UndatedEntry {
  item: UndatedTimelineItem;
  /** The dated event it was launched or presented at, which places it in time. */
  launchedAt?: TimelineItem;
}

export interface TimelineLayout {
  years: TimelineYearView[];
  undated: UndatedEntry[];
  /** Records that match the filter (each counted once), and all records. */
  shown: number;
  total: number;
}

export function layoutTimeline(data: TimelineData, filter: TimelineFilter): TimelineLayout {
  const events = new Map(data.items.filter((item) => item.kind === 'event').map((item) => [item.id, item]));
  const dated = data.items.filter((item) => matchesFilter(item, filter));
  const undated = data.undated.filter((item) => matchesFilter(item, filter));
  const shownEvents = new Set(dated.filter((item) => item.kind === 'event').map((item) => item.id));

  /** The event a paper hangs under, if that event is shown and (for a dated paper) in the same year. */
  const hostOf = (item: AnyTimelineItem): string | undefined => {
    if (item.kind !== 'publication' || !item.launchedAt || !shownEvents.has(item.launchedAt)) return undefined;
    const host = events.get(item.launchedAt)!;
    return 'year' in item && item.year !== host.year ? undefined : host.id;
  };

  const attached = new Map<string, AnyTimelineItem[]>();
  for (const item of [...dated, ...undated]) {
    const host = hostOf(item);
    if (host) attached.set(host, [...(attached.get(host) ?? []), item]);
  }

  const byYear = new Map<number, TimelineEntry[]>();
  for (const item of dated) {
    if (hostOf(item)) continue;
    const launchedAt = item.launchedAt ? events.get(item.launchedAt) : undefined;
    const entry: TimelineEntry = { item, attached: attached.get(item.id) ?? [], ...(launchedAt ? { launchedAt } : {}) };
    byYear.set(item.year, [...(byYear.get(item.year) ?? []), entry]);
  }

  const years: TimelineYearView[] = [];
  for (let year = data.range.from; year <= data.range.to; year++) {
    // Data comes oldest first; a date that is only a year ('2016') goes after the year's dated records.
    const entries = [...(byYear.get(year) ?? [])].sort((a, b) => yearOnly(a.item) - yearOnly(b.item));
    const inYear = dated.filter((item) => item.year === year);
    years.push({
      year,
      entries,
      events: inYear.filter((item) => item.kind === 'event').length,
      papers: inYear.filter((item) => item.kind === 'publication').length,
    });
  }

  return {
    years,
    undated: undated.map((item) => {
      const launchedAt = item.launchedAt ? events.get(item.launchedAt) : undefined;
      return { item, ...(launchedAt ? { launchedAt } : {}) };
    }),
    shown: dated.length + undated.length,
    total: data.items.length + data.undated.length,
  };
}

const yearOnly = (item: TimelineItem) => (item.date.length === 4 ? 1 : 0);

export interface FilterCounts {
  /** Records each agency would leave, given the chosen theme; `any` with no agency chosen. */
  agencies: Map<string, number>;
  anyAgency: number;
  /** Records each theme would leave, given the chosen agency; `any` with no theme chosen. */
  themes: Map<string, number>;
  anyTheme: number;
}

export function filterCounts(data: TimelineData, filter: TimelineFilter): FilterCounts {
  const all: AnyTimelineItem[] = [...data.items, ...data.undated];
  const withTheme = all.filter((item) => matchesFilter(item, { agency: null, theme: filter.theme }));
  const withAgency = all.filter((item) => matchesFilter(item, { agency: filter.agency, theme: null }));
  return {
    agencies: tally(withTheme, (item) => item.agencies),
    anyAgency: withTheme.length,
    themes: tally(withAgency, (item) => item.terms),
    anyTheme: withAgency.length,
  };
}

function tally(items: readonly AnyTimelineItem[], keys: (item: AnyTimelineItem) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of new Set(keys(item))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const MONTHS = SHORT_MONTH_KEYS;

/**
 * The date as the timeline shows it under its year heading: '5 Oct', 'Oct', or the year alone. The UI
 * language's short month names (messages.json), like format-date.ts, so the page and its tests stay fixed.
 */
export function shortDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthKey = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthKey) return year ?? date;
  return day ? `${Number(day)} ${t(monthKey)}` : t(monthKey);
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
