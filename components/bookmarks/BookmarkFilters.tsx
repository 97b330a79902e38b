import { t } from '@/lib/i18n/t';
import type { TagCount } from './filter';

interface BookmarkFiltersProps {
  query: string;
  onQuery(query: string): void;
  tags: readonly TagCount[];
  /** Key of the chosen tag, or null for all. */
  selectedTag: string | null;
  onSelectTag(key: string | null): void;
  total: number;
  shown: number;
}

/** The filter bar: a text filter over title, note and tags, and one chip per tag (with counts) to narrow by tag. */
export function BookmarkFilters({ query, onQuery, tags, selectedTag, onSelectTag, total, shown }: BookmarkFiltersProps) {
  const filtering = query.trim() !== '' || selectedTag !== null;
  return (
    <div class="bm-filters">
      <input
        type="search"
        class="search bm-filter-input"
        placeholder={t('filterPlaceholder')}
        aria-label={t('filterAria')}
        dir="auto"
        value={query}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
      />
      {tags.length > 0 && (
        <div class="bm-tag-filter" role="group" aria-label={t('filterByTag')}>
          <button
            type="button"
            class="bm-chip"
            aria-pressed={selectedTag === null}
            onClick={() => onSelectTag(null)}
          >
            {t('filterAll')} <span class="bm-chip-count">{total}</span>
          </button>
          {tags.map((tag) => (
            <button
              key={tag.key}
              type="button"
              class="bm-chip"
              data-tag={tag.key}
              aria-pressed={selectedTag === tag.key}
              aria-label={`${tag.label} (${tag.count})`}
              onClick={() => onSelectTag(selectedTag === tag.key ? null : tag.key)}
            >
              <bdi>{tag.label}</bdi> <span class="bm-chip-count">{tag.count}</span>
            </button>
          ))}
        </div>
      )}
      {filtering && (
        <p class="muted bm-filter-summary" data-testid="bookmarks-filter-summary">
          {t('filterShowing', [String(shown), String(total)])}
        </p>
      )}
    </div>
  );
}
