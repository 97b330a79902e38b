/**
 * ICAT's record as a picture: every year from the first record to this one, down the page, each with its
 * events and papers; papers launched at an event drawn inside it. Filters by agency and theme (both must
 * hold). Pure over its data: TimelinePage fetches it.
 */
import { useMemo, useState } from 'preact/hooks';
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

      <ul class="tl-legend" aria-label="Key">
        <li>
          <span class="tl-swatch tl-swatch-event" aria-hidden="true" /> Event
        </li>
        <li>
          <span class="tl-swatch tl-swatch-paper" aria-hidden="true" /> Paper
        </li>
        <li>
          <span class="tl-swatch tl-swatch-nested" aria-hidden="true" /> Paper launched or presented at the event it sits in
        </li>
      </ul>

      {layout.shown === 0 && <p class="notice">No record has both of these. Choose another agency or theme, or clear the filters.</p>}

      <ol class="tl-years" aria-label={`ICAT years, ${from} to ${to}`}>
        {layout.years.map((view) => (
          <TimelineYear key={view.year} view={view} filtered={filtered} />
        ))}
      </ol>

      {layout.undated.length > 0 && (
        <section class="tl-undated" aria-labelledby="tl-undated-heading">
          <h2 id="tl-undated-heading" class="tl-year-heading">
            <span class="tl-year-label">Undated</span>
            <span class="tl-year-count">
              {layout.undated.length} {layout.undated.length === 1 ? 'record' : 'records'}
            </span>
          </h2>
          <p class="muted">The sources give no date for these; where they were launched or presented is said.</p>
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
