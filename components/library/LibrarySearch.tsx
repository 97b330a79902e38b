import { SearchPanel, type SearchFilters } from '@/components/SearchPanel';
import type { SearchResult } from '@/lib/search/library-search';
import { recordHref } from './route';

/** The library page's search: the popup's search panel, with each result a link to its record here. */
export function LibrarySearch({ search }: { search: (query: string, filters: SearchFilters) => Promise<SearchResult[]> }) {
  return <SearchPanel search={search} hrefFor={(result) => recordHref(result.kind, result.id)} />;
}
