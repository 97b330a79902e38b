import { pluralKey, t } from '@/lib/i18n/t';
import { TimelineRecord } from './TimelineRecord';
import type { TimelineYearView } from './timeline-view';

/**
 * One year on the timeline: a heading with what it holds and its records, oldest first. A year with
 * nothing to show is a thin gap, so the picture keeps the passing of time.
 */
export function TimelineYear({ view, filtered }: { view: TimelineYearView; filtered: boolean }) {
  const { year, entries } = view;
  if (entries.length === 0) {
    return (
      <li class="tl-year tl-year-empty" data-year={year}>
        <span class="tl-year-label">{year}</span>
        <span class="tl-year-none">{filtered ? t('timelineNothingMatching') : t('timelineNothingRecorded')}</span>
      </li>
    );
  }
  const headingId = `tl-year-${year}`;
  return (
    <li class="tl-year" data-year={year} aria-labelledby={headingId}>
      <h2 class="tl-year-heading" id={headingId}>
        <span class="tl-year-label">{year}</span>
        <span class="tl-year-count">{describeCounts(view)}</span>
      </h2>
      <ol class="tl-records">
        {entries.map((entry) => (
          <TimelineRecord
            key={entry.item.id}
            item={entry.item}
            attached={entry.attached}
            {...(entry.launchedAt ? { launchedAt: entry.launchedAt } : {})}
            place="year"
          />
        ))}
      </ol>
    </li>
  );
}

function describeCounts({ events, papers }: TimelineYearView): string {
  const parts: string[] = [];
  if (events > 0) parts.push(t(pluralKey('eventCount', events), String(events)));
  if (papers > 0) parts.push(t(pluralKey('paperCount', papers), String(papers)));
  return parts.join(', ');
}
