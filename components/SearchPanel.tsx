import { useState } from 'preact/hooks';
import type { SearchHit } from '@/lib/library/title-search';
import { kindLabel } from './kind-labels';
import { useAsync } from './use-async';

export function SearchPanel({ search }: { search: (query: string) => Promise<SearchHit[]> }) {
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
        <p class="muted">Nothing in the library matches “{trimmed}”.</p>
      )}
      {results.state === 'ready' && results.value.length > 0 && (
        <ul class="results" aria-label="Search results">
          {results.value.map((hit) => (
            <li key={hit.id} class="result" data-id={hit.id}>
              <span class="kind">{kindLabel(hit.kind)}</span>
              <span class="title">{hit.title}</span>
              <span class="muted">{[hit.subtitle, hit.date?.slice(0, 4), hit.city].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
