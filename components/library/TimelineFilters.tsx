import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { TimelineAgency, TimelineTheme } from '@/lib/library/timeline';
import { isFiltered, NO_FILTER, type FilterCounts, type TimelineFilter } from './timeline-view';

interface TimelineFiltersProps {
  agencies: readonly TimelineAgency[];
  themes: readonly TimelineTheme[];
  counts: FilterCounts;
  filter: TimelineFilter;
  onChange(filter: TimelineFilter): void;
  shown: number;
  total: number;
}

/**
 * An agency and a theme, both of which a record must have. Each option says how many records it would
 * leave given the other choice, and an option that would leave none cannot be chosen.
 */
export function TimelineFilters({ agencies, themes, counts, filter, onChange, shown, total }: TimelineFiltersProps) {
  const agencySelect = useRef<HTMLSelectElement>(null);
  const active = isFiltered(filter);
  const clear = () => {
    onChange(NO_FILTER);
    // The button is disabled once nothing is filtered: keep the keyboard where the filters are.
    agencySelect.current?.focus();
  };
  return (
    <section class="tl-filters panel" aria-labelledby="tl-filters-heading">
      <h2 id="tl-filters-heading">{t('timelineFilterHeading')}</h2>
      <div class="tl-filter-row">
        <label class="tl-filter">
          <span class="tl-filter-label">{t('kindAgency')}</span>
          <select
            ref={agencySelect}
            class="tl-select"
            value={filter.agency ?? ''}
            onChange={(e) => onChange({ ...filter, agency: (e.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">{t('timelineAllAgencies', String(counts.anyAgency))}</option>
            {agencies.map((agency) => {
              const count = counts.agencies.get(agency.id) ?? 0;
              return (
                <option key={agency.id} value={agency.id} disabled={count === 0 && filter.agency !== agency.id}>
                  {agency.acronym ? `${agency.acronym} — ${agency.name}` : agency.name} ({count})
                </option>
              );
            })}
          </select>
        </label>
        <label class="tl-filter">
          <span class="tl-filter-label">{t('timelineTheme')}</span>
          <select
            class="tl-select"
            value={filter.theme ?? ''}
            onChange={(e) => onChange({ ...filter, theme: (e.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">{t('timelineAllThemes', String(counts.anyTheme))}</option>
            {themes.map((theme) => {
              const count = counts.themes.get(theme.id) ?? 0;
              return (
                <option key={theme.id} value={theme.id} disabled={count === 0 && filter.theme !== theme.id}>
                  {theme.name} ({count})
                </option>
              );
            })}
          </select>
        </label>
      </div>
      <div class="tl-filter-status">
        <p class="tl-shown" role="status">
          {active ? t('timelineShowing', [String(shown), String(total)]) : t('timelineAll', String(total))}
        </p>
        <button type="button" class="tl-clear" onClick={clear} disabled={!active}>
          {t('clearFilters')}
        </button>
      </div>
    </section>
  );
}
