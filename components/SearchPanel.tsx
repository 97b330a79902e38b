/**
 * Search the library as you type (popup and library page). A combobox: arrow keys move through the
 * results, Enter opens one, Escape clears; filters by kind and year; each result says why it matched;
 * a star saves it where bookmarks are offered.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { EntityKind } from '@/lib/data/schema';
import type { SearchResult } from '@/lib/search/library-search';
import { t, type MessageKey } from '@/lib/i18n/t';
import { summaryMeta } from './card/summary-meta';
import { kindLabel } from './kind-labels';
import { useAsync } from './use-async';

export interface SearchFilters {
  kinds?: EntityKind[];
  yearFrom?: number;
  yearTo?: number;
}

const KIND_FILTERS: { label: MessageKey; kinds?: EntityKind[] }[] = [
  { label: 'searchKindAll' },
  { label: 'labelPapers', kinds: ['publication'] },
  { label: 'labelEvents', kinds: ['event'] },
  { label: 'labelAgencies', kinds: ['agency'] },
  { label: 'labelTerms', kinds: ['term', 'instrument', 'initiative'] },
  { label: 'labelPeople', kinds: ['person'] },
];

export interface SearchPanelProps {
  search(query: string, filters: SearchFilters): Promise<SearchResult[]>;
  /** Opens a result (Enter or a click). */
  onOpen?(result: SearchResult): void;
  /** When given, titles are links to these addresses (the library page's own routes). */
  hrefFor?(result: SearchResult): string;
  /** When given, papers and events get a star that saves them. */
  bookmarks?: {
    states(ids: string[]): Promise<ReadonlySet<string>>;
    toggle(id: string, saved: boolean): Promise<void>;
  };
}

export function SearchPanel({ search, onOpen, hrefFor, bookmarks }: SearchPanelProps) {
  const base = `search-${useId()}`;
  const [query, setQuery] = useState('');
  const [kindFilter, setKindFilter] = useState(0);
  const [yearFrom, setYearFrom] = useState('');
  const [yearTo, setYearTo] = useState('');
  const [active, setActive] = useState(0);
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const trimmed = query.trim();
  const filters: SearchFilters = {
    ...(KIND_FILTERS[kindFilter]!.kinds ? { kinds: KIND_FILTERS[kindFilter]!.kinds } : {}),
    ...(/^\d{4}$/.test(yearFrom) ? { yearFrom: Number(yearFrom) } : {}),
    ...(/^\d{4}$/.test(yearTo) ? { yearTo: Number(yearTo) } : {}),
  };
  const filterKey = JSON.stringify(filters);
  const results = useAsync(() => (trimmed ? search(trimmed, filters) : Promise.resolve([])), [trimmed, filterKey]);
  const list = results.state === 'ready' ? results.value : [];

  useEffect(() => setActive(0), [trimmed, filterKey]);
  useEffect(() => {
    if (!bookmarks || list.length === 0) return;
    let current = true;
    void bookmarks.states(list.map((r) => r.id)).then((s) => current && setSaved(s), () => undefined);
    return () => {
      current = false;
    };
  }, [list, bookmarks]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && list.length) {
      event.preventDefault();
      setActive((i) => (i + 1) % list.length);
    } else if (event.key === 'ArrowUp' && list.length) {
      event.preventDefault();
      setActive((i) => (i - 1 + list.length) % list.length);
    } else if (event.key === 'Enter' && list[active]) {
      event.preventDefault();
      open(list[active]!);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };
  const open = (result: SearchResult) => {
    if (hrefFor) location.hash = hrefFor(result).replace(/^.*#/, '#');
    onOpen?.(result);
  };
  const toggle = async (id: string) => {
    if (!bookmarks) return;
    const isSaved = saved.has(id);
    await bookmarks.toggle(id, !isSaved);
    const next = new Set(saved);
    if (isSaved) next.delete(id);
    else next.add(id);
    setSaved(next);
  };

  return (
    <section class="panel" aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`}>{t('searchHeading')}</h2>
      <input
        type="search"
        class="search"
        role="combobox"
        aria-expanded={list.length > 0}
        aria-controls={`${base}-results`}
        aria-activedescendant={list[active] ? `${base}-result-${active}` : undefined}
        aria-autocomplete="list"
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchAria')}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <div class="search-filters" role="group" aria-label={t('searchFilterAria')}>
        {KIND_FILTERS.map((f, i) => (
          <button key={f.label} type="button" class="chip" aria-pressed={kindFilter === i} onClick={() => setKindFilter(i)}>
            {t(f.label)}
          </button>
        ))}
        <label class="year">
          {t('searchYearFrom')}
          <input type="number" inputMode="numeric" min={2000} max={2100} placeholder="2006" value={yearFrom} onInput={(e) => setYearFrom(e.currentTarget.value)} />
        </label>
        <label class="year">
          {t('searchYearTo')}
          <input type="number" inputMode="numeric" min={2000} max={2100} placeholder="2026" value={yearTo} onInput={(e) => setYearTo(e.currentTarget.value)} />
        </label>
      </div>
      {trimmed && results.state === 'error' && <p class="notice">{results.message}</p>}
      {trimmed && results.state === 'ready' && list.length === 0 && (
        <p class="muted" role="status">
          {t(filterKey !== '{}' ? 'searchNoResultsFiltered' : 'searchNoResults', trimmed)}
        </p>
      )}
      {list.length > 0 && (
        <ul class="results" id={`${base}-results`} role="listbox" aria-label={t('searchResults')}>
          {list.map((result, i) => (
            <li
              key={result.id}
              id={`${base}-result-${i}`}
              role="option"
              aria-selected={i === active}
              class={`result${i === active ? ' active' : ''}`}
              data-id={result.id}
              onMouseEnter={() => setActive(i)}
              onClick={(event) => {
                if ((event.target as Element).closest('.star, a')) return;
                open(result);
              }}
            >
              <span class="kind">{kindLabel(result.kind)}</span>
              {hrefFor ? (
                <a class="title" href={hrefFor(result)} dir="auto" tabIndex={-1}>
                  {result.title}
                </a>
              ) : (
                <span class="title" dir="auto">
                  {result.title}
                </span>
              )}
              {bookmarks && (result.kind === 'publication' || result.kind === 'event') ? (
                <button
                  type="button"
                  class="star"
                  aria-pressed={saved.has(result.id)}
                  aria-label={t(saved.has(result.id) ? 'savedAria' : 'saveAria', result.title)}
                  onClick={() => void toggle(result.id)}
                >
                  {saved.has(result.id) ? '★' : '☆'}
                </button>
              ) : (
                <span />
              )}
              <span class="muted meta">{summaryMeta(result)}</span>
              {result.snippet && (
                <span class="muted snippet" dir="auto">
                  {result.snippet}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
