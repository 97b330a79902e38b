/**
 * Interim search over titles, names, acronyms and surface forms: exact, prefix, word-prefix and substring
 * matches, accent- and case-insensitive. The ranked, typo-tolerant search of the popup replaces it.
 */
import { SEARCH_RESULT_LIMIT } from '../constants';
import { summarize, type EntityRecord, type EntitySummary } from './entity';
import type { RecordSource } from './record-source';

export interface SearchHit extends EntitySummary {
  /** Lower is better: 0 exact, 1 prefix, 2 a word starts with the query, 3 contains it. */
  rank: number;
  /** The text that matched (a title, an acronym, a variant). */
  matched: string;
}

/** Lower-case, strip accents, fold punctuation runs to one space: 'Organización' finds 'organizacion'. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function rankText(text: string, query: string): number | null {
  const folded = foldForSearch(text);
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  if (folded.includes(` ${query}`)) return 2;
  if (folded.includes(query)) return 3;
  return null;
}

export async function searchTitles(source: RecordSource, rawQuery: string, limit = SEARCH_RESULT_LIMIT): Promise<SearchHit[]> {
  const query = foldForSearch(rawQuery);
  if (!query) return [];
  const [agencies, publications, events, people, terms] = await Promise.all([
    source.all('agencies'),
    source.all('publications'),
    source.all('events'),
    source.all('people'),
    source.all('terms'),
  ]);
  const candidates: { entity: EntityRecord; texts: (string | undefined)[] }[] = [
    ...agencies.map((record) => ({
      entity: { kind: 'agency' as const, record },
      texts: [record.name.en, record.name.fr, record.name.es, record.acronym, ...record.forms.map((f) => f.text)],
    })),
    ...publications.map((record) => ({
      entity: { kind: 'publication' as const, record },
      texts: [record.title, ...record.titleVariants, ...record.forms.map((f) => f.text)],
    })),
    ...events.map((record) => ({ entity: { kind: 'event' as const, record }, texts: [record.title, record.city] })),
    ...people.map((record) => ({ entity: { kind: 'person' as const, record }, texts: [record.name] })),
    ...terms.map((record) => ({
      entity: { kind: record.kind, record },
      texts: [record.name.en, record.name.fr, record.name.es, ...record.forms.map((f) => f.text)],
    })),
  ];
  const hits: SearchHit[] = [];
  for (const { entity, texts } of candidates) {
    let best: { rank: number; matched: string } | null = null;
    for (const text of texts) {
      if (!text) continue;
      const rank = rankText(text, query);
      if (rank !== null && (!best || rank < best.rank)) best = { rank, matched: text };
    }
    if (best) hits.push({ ...summarize(entity), ...best });
  }
  hits.sort((a, b) => a.rank - b.rank || a.title.length - b.title.length || a.title.localeCompare(b.title));
  return hits.slice(0, limit);
}
