import type { EntitySummary } from '@/lib/library/entity';

/** The year of a partial ISO date ('2014-10' -> '2014'). */
export const yearOf = (date: string | undefined): string | undefined => date?.slice(0, 4);

/** One short line under a related record: 'Policy paper 2 · 2014', '2019 · Vienna', a person's role. */
export function summaryMeta(summary: EntitySummary): string {
  return [summary.subtitle, yearOf(summary.date), summary.city].filter(Boolean).join(' · ');
}
