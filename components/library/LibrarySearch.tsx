import { useState } from 'preact/hooks';
import { kindLabel } from '@/components/kind-labels';
import { summaryMeta } from '@/components/card/summary-meta';
import { useAsync } from '@/components/use-async';
import type { SearchHit } from '@/lib/library/title-search';
import { recordHref } from './route';

/**
 * The library page's search. It follows components/SearchPanel.tsx, but each result is a link to its
 * record: SearchPanel's results are plain list items, which a keyboard cannot reach or follow.
 */
export function LibrarySearch({ search }: { search: (query: string) => Promise<SearchHit[]> }) {
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const results = useAsync(() => (trimmed ? search(trimmed) : Promise.resolve([])), [trimmed]);
  return (
    <section class="panel" aria-labelledby="search-heading">
      <h2 id="search-heading">Search the library</h2>
      <input
        type="search"
        class="search"
        placeholder="Papers, events, agencies, terms…"
        aria-label="Search the ICAT library"
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      {trimmed && results.state === 'error' && <p class="notice">{results.message}</p>}
      {trimmed && results.state === 'ready' && results.value.length === 0 && (
        <p class="muted" role="status">
          Nothing in the library matches “{trimmed}”.
        </p>
      )}
      {results.state === 'ready' && results.value.length > 0 && (
        <ul class="search-results" aria-label="Search results">
          {results.value.map((hit) => (
            <li key={hit.id}>
              <a class="search-result" href={recordHref(hit.kind, hit.id)}>
                <span class="kind">{kindLabel(hit.kind)}</span>
                <span class="title" dir="auto">
                  {hit.title}
                </span>
                <span class="muted">{summaryMeta(hit)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
