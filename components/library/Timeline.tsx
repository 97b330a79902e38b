/**
 * ICAT's record as a picture: every year from the first record to this one, down the page, each with its
 * events and papers; papers launched at an event drawn inside it. Filters by agency and theme (both must
 * hold). Pure over its data: TimelinePage fetches it.
 */
import { useMemo, useState } from 'preact/hooks';
import { kindLabel } from '@/components/kind-labels';
import { pluralKey, t } from '@/lib/i18n/t';
import type { TimelineData } from '@/lib/library/timeline';
import { TimelineFilters } from './TimelineFilters';
import { TimelineRecord } from './TimelineRecord';
import { TimelineYear } from './TimelineYear';
import { filterCounts, isFiltered, layoutTimeline, NO_FILTER, type TimelineFilter } from './timeline-view';
import './timeline.css';

export function Timeline({ data }: { data: TimelineData }) {
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const layout = useMemo(() => layoutTimeline(data, filter), [data, filter]);
  const counts = useMemo(() => filterCounts(data, filter), [data, filter]);
  const filtered = isFiltered(filter);
  const { from, to } = data.range;

  return (
    <div class="timeline">
      <TimelineFilters
        agencies={data.agencies}
        themes={data.themes}
        counts={counts}
        filter={filter}
        onChange={setFilter}
        shown={layout.shown}
        total={layout.total}
      />

      <ul class="tl-legend" aria-label={t('timelineKey')}>
        <li>
          <span class="tl-swatch tl-swatch-event" aria-hidden="true" /> {kindLabel('event')}
        </li>
        <li>
          <span class="tl-swatch tl-swatch-paper" aria-hidden="true" /> {kindLabel('publication')}
        </li>
        <li>
          <span class="tl-swatch tl-swatch-nested" aria-hidden="true" /> {t('timelineNested')}
        </li>
      </ul>

      {layout.shown === 0 && <p class="notice">{t('timelineNoMatch')}</p>}

      <ol class="tl-years" aria-label={t('timelineYears', [String(from), String(to)])}>
        {layout.years.map((view) => (
          <TimelineYear key={view.year} view={view} filtered={filtered} />
        ))}
      </ol>

      {layout.undated.length > 0 && (
        <section class="tl-undated" aria-labelledby="tl-undated-heading">
          <h2 id="tl-undated-heading" class="tl-year-heading">
            <span class="tl-year-label">{t('undated')}</span>
            <span class="tl-year-count">
              {t(pluralKey('recordCount', layout.undated.length), String(layout.undated.length))}
            </span>
          </h2>
          <p class="muted">{t('undatedNote')}</p>
          <ul class="tl-records">
            {layout.undated.map((entry) => (
              <TimelineRecord
                key={entry.item.id}
                item={entry.item}
                {...(entry.launchedAt ? { launchedAt: entry.launchedAt } : {})}
                place="undated"
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
