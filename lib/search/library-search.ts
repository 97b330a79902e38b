/**
 * Ranked, typo-tolerant search over the library for the popup's search-as-you-type box.
 *
 * The index and the scoring are MiniSearch's (BM25+ over an inverted index in a radix tree, with prefix and
 * fuzzy term expansion), not a hand-written ranker: it is small (~6 kB minified and gzipped, no
 * dependencies), well tested and maintained, serialisable, and fast enough for every keystroke
 * (docs/search-benchmark.md). What this module adds is what is specific to our records and to typing:
 *
 * - one folding for index and queries: NFD, strip combining marks, lower-case (+ œ/æ/ß), so 'Organización',
 *   'organizacion' and 'ORGANIZACION' are one word; English, French and Spanish function words are not
 *   indexed;
 * - the last word is completed (prefix search) while it is being typed, i.e. unless the query ends with a
 *   space, from 2 characters, and only in the name fields (titles, acronyms, names, forms, types, cities);
 * - typo tolerance (edit distance 20% of the word, at most 2) in the name fields, for words of 4+ letters
 *   the index does not know: 'unodk' finds UNODC, but 'iom' never turns into 'ilo' nor 'demand' into 'remand';
 * - field boosts: titles, acronyms, surface forms and names far above roles and descriptions;
 * - all words must match (AND); when that finds nothing, any word may (OR), as MiniSearch combines them;
 * - a re-ranking on the whole query: records whose acronym, title, name or surface form *is* the query come
 *   first ('IOM' → the IOM, 'palermo protocol' → the protocol), then those with an acronym that the one-word
 *   query completes or misspells ('unod', 'unodk' → UNODC), then those whose title starts with the query;
 * - a snippet saying why a record matched ('Also known as: OIT', 'In Spanish: …', a piece of description).
 *
 * Each word is looked up separately (one MiniSearch search per word and field group) and the lookups are
 * cached, so a keystroke only looks up the word being typed; combining them is MiniSearch's own AND/OR.
 *
 * Build once and reuse: `buildSearchFromSource(source)` in the background, or `createLibrarySearch(documents)`.
 *
 * Build or cache? (measured in docs/search-benchmark.md) Building the index of the bundled library (~135
 * records) takes ~10–20 ms; a 10,000-record library ~0.5 s, while loading a serialised index of that size
 * still takes ~0.15 s and stores ~11 MB in IndexedDB per dataset version. So the background builds lazily,
 * on the first search after the service worker starts, and keeps the index for the worker's lifetime
 * (rebuilding when the dataset version changes): simplest, and cheap at our size. `exportIndex()` /
 * `loadLibrarySearch()` are there for the day data packs make libraries large enough for the trade-off to
 * flip; a snapshot carries `SEARCH_INDEX_FORMAT`, so such a cache would be keyed by dataset version + format.
 */
import MiniSearch, {
  type AsPlainObject,
  type MatchInfo,
  type SearchOptions,
  type SearchResult as MiniSearchResult,
} from 'minisearch';
import type { EntityKind } from '../data/schema';
import { isCurrent } from '../db/records';
import type { EntitySummary } from '../library/entity';
import type { RecordSource } from '../library/record-source';
import {
  documentsFrom,
  foldPhrase,
  foldText,
  SEARCH_FIELDS,
  WORD_SEPARATOR,
  type SearchDocument,
  type SearchField,
} from './search-documents';

/** Bumped whenever documents, folding or index options change: a stored snapshot of another format is rebuilt. */
export const SEARCH_INDEX_FORMAT = 1;

/** Results per search when the caller does not say (lib/constants.ts SEARCH_RESULT_LIMIT is the same value). */
export const DEFAULT_SEARCH_LIMIT = 25;

/** Characters of a query looked at: the message schema allows 200, this bounds the work of a direct call too. */
const MAX_QUERY_LENGTH = 200;
/** Words of a query looked at: nobody types more into a search box, and each word costs a lookup. */
const MAX_QUERY_WORDS = 12;
/** Fuzzy matching starts at this word length: shorter words are acronyms ('IOM', 'ILO') one edit apart. */
const FUZZY_MIN_LENGTH = 4;
/** Above this, a word is not made fuzzy: a long pasted token would only cost time. */
const FUZZY_MAX_LENGTH = 30;
/** Edit distance as a fraction of word length (1 edit for 4–7 letters, 2 for 8 and more)… */
const FUZZINESS = 0.2;
/** …capped at 2 edits. */
const MAX_EDITS = 2;

/** Fields of names and labels: short, typed by readers; the word being typed is completed, typos forgiven. */
const NAME_FIELDS: SearchField[] = ['title', 'acronyms', 'names', 'forms', 'variants', 'type', 'city'];
/**
 * Fields matched on whole words only: prose (roles, descriptions), where completing 'an' to 'and', 'analysis',
 * 'annual'… would score most of the library on each keystroke and only add noise; and the year, where '20'
 * would complete to every year of the library.
 */
const WORD_FIELDS: SearchField[] = ['year', 'roles', 'description'];
/** The word being typed is completed from this many characters: one letter would complete to half the library. */
const MIN_PREFIX_LENGTH = 2;

/**
 * Function words of English, French and Spanish, not indexed: they match most records, so they cost much
 * time and rank nothing. 'un' is not one of them (the UN), nor are words like 'against' or 'contra' that
 * carry meaning in titles.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on',
  'or', 's', 'that', 'the', 'this', 'to', 'was', 'were', 'which', 'with',
  'au', 'aux', 'd', 'dans', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'par', 'pour', 'qui', 'sur', 'une',
  'al', 'con', 'del', 'el', 'las', 'los', 'para', 'por', 'que', 'una', 'y',
]);

/**
 * How much a word matched in each field counts. Titles, acronyms, surface forms and names are what people
 * type; types, cities and years narrow; roles and descriptions only support.
 */
export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 8,
  acronyms: 10,
  names: 6,
  forms: 6,
  variants: 5,
  type: 3,
  city: 4,
  year: 3,
  roles: 1.5,
  description: 1,
};

/**
 * BM25+ with weaker length normalisation than MiniSearch's default (b = 0.7): our fields are lists of names,
 * and a record with many names or acronyms (a major agency) should not lose to one that has a single name.
 */
const BM25 = { k: 1.2, b: 0.3, d: 0.5 };

/** Score multipliers applied after MiniSearch's BM25 score, on the whole query. */
const EXACT_ACRONYM_BONUS = 4;
const EXACT_NAME_BONUS = 2.5;
/** A one-word query that completes or misspells one of the record's acronyms ('unod', 'unodk'). */
const NEAR_ACRONYM_BONUS = 2;
const TITLE_PREFIX_BONUS = 1.5;

export interface LibrarySearchOptions {
  /** At most this many results (default 25). */
  limit?: number;
  /** Only records of these kinds. */
  kinds?: readonly EntityKind[];
  /** Only records dated in or after this year; undated records are left out when a year bound is set. */
  yearFrom?: number;
  /** Only records dated in or before this year. */
  yearTo?: number;
  /** Only records related to one of these agencies (an agency is related to itself). */
  agencies?: readonly string[];
  /** Only records related to one of these terms (a term is related to itself). */
  terms?: readonly string[];
}

export interface SearchResult extends EntitySummary {
  /** Relevance, higher is better; only comparable within one search. */
  score: number;
  /** The field that best explains the match. */
  matchedField: SearchField;
  /**
   * Why the record matched, ready to show under the title: 'Also known as: OIT', 'In Spanish: Trata de
   * personas', '…addressing demand that fosters…'. Absent when the title itself matched.
   */
  snippet?: string;
  /** The words of the matched text, as written there, that matched the query (for highlighting). */
  matchedWords: string[];
}

export interface LibrarySearchSnapshot {
  format: number;
  documents: SearchDocument[];
  index: AsPlainObject;
}

export interface LibrarySearch {
  search(query: string, options?: LibrarySearchOptions): SearchResult[];
  /** A structured-clone- and JSON-safe copy of documents and index, for `loadLibrarySearch`. */
  exportIndex(): LibrarySearchSnapshot;
  /** Forgets the cached word lookups (memory pressure; benchmarks measuring cold keystrokes). */
  clearCache(): void;
  /** Number of documents indexed. */
  readonly size: number;
}

/**
 * MiniSearch options shared by building and loading: loading must use exactly the options that built.
 * `vocabulary`, when given, collects every indexed word.
 */
function miniSearchOptions(vocabulary?: Set<string>) {
  return {
    fields: [...SEARCH_FIELDS],
    idField: 'id',
    extractField: (doc: SearchDocument, field: string): string => {
      switch (field as SearchField | 'id') {
        case 'id':
          return doc.id;
        case 'title':
          return doc.title;
        case 'acronyms':
          return doc.acronyms.join(' ');
        case 'names':
          return doc.names.map((n) => n.text).join(' ');
        case 'forms':
          return doc.forms.join(' ');
        case 'variants':
          return doc.variants.join(' ');
        case 'type':
          return typeText(doc.type);
        case 'city':
          return doc.city ?? '';
        case 'year':
          return doc.year === undefined ? '' : String(doc.year);
        case 'roles':
          return doc.roles.join(' ');
        case 'description':
          return doc.description;
      }
    },
    tokenize: (text: string) => text.split(WORD_SEPARATOR),
    processTerm: (term: string) => {
      const folded = foldText(term);
      if (!folded || STOP_WORDS.has(folded)) return null;
      vocabulary?.add(folded);
      return folded;
    },
  };
}

/** The indexed words, sorted: whether a query word is a known word, or the start of one. */
class Vocabulary {
  private readonly sorted: string[];
  constructor(words: Iterable<string>) {
    this.sorted = [...new Set(words)].sort();
  }
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  has(word: string): boolean {
    return this.sorted[this.lowerBound(word)] === word;
  }
  hasPrefix(prefix: string): boolean {
    return this.sorted[this.lowerBound(prefix)]?.startsWith(prefix) ?? false;
  }
}

/** 'Issue brief 01' is also found as 'issue brief 1'. */
function typeText(type: string | undefined): string {
  if (!type) return '';
  const plain = type.replace(/\b0+(\d)/g, '$1');
  return plain === type ? type : `${type} ${plain}`;
}

/** Per-document data prepared once, for the whole-query bonus. */
interface Prepared {
  doc: SearchDocument;
  /** Position in the documents: breaks score ties, so results never depend on Map order. */
  order: number;
  /** Folded title. */
  title: string;
  /** Folded one-word acronyms ('unodc'). */
  acronyms: ReadonlySet<string>;
}

/** Ids of the records that a folded phrase names exactly, as an acronym or as a title, name, form or variant. */
interface ExactNames {
  acronym: Map<string, Set<string>>;
  name: Map<string, Set<string>>;
}

const NO_WORDS: ReadonlySet<string> = new Set();

function addTo(map: Map<string, Set<string>>, key: string, id: string) {
  if (!key) return;
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

function prepare(documents: readonly SearchDocument[]): { prepared: Map<string, Prepared>; exact: ExactNames } {
  const prepared = new Map<string, Prepared>();
  const exact: ExactNames = { acronym: new Map(), name: new Map() };
  for (const [order, doc] of documents.entries()) {
    const title = foldPhrase(doc.title);
    const acronyms = doc.acronyms.map(foldPhrase);
    const oneWord = acronyms.filter((a) => a && !a.includes(' '));
    prepared.set(doc.id, { doc, order, title, acronyms: oneWord.length > 0 ? new Set(oneWord) : NO_WORDS });
    for (const a of acronyms) addTo(exact.acronym, a, doc.id);
    for (const text of [doc.title, ...doc.names.map((n) => n.text), ...doc.forms, ...doc.variants]) {
      addTo(exact.name, foldPhrase(text), doc.id);
    }
  }
  return { prepared, exact };
}

export function createLibrarySearch(documents: readonly SearchDocument[]): LibrarySearch {
  const words = new Set<string>();
  const mini = new MiniSearch<SearchDocument>(miniSearchOptions(words));
  mini.addAll(documents);
  return wrap(mini, documents, new Vocabulary(words));
}

export function loadLibrarySearch(snapshot: LibrarySearchSnapshot): LibrarySearch {
  if (snapshot.format !== SEARCH_INDEX_FORMAT) {
    throw new Error(`search index format ${snapshot.format} is not ${SEARCH_INDEX_FORMAT}; rebuild it`);
  }
  const mini = MiniSearch.loadJS<SearchDocument>(snapshot.index, miniSearchOptions());
  return wrap(mini, snapshot.documents, new Vocabulary(snapshot.index.index.map(([word]) => word)));
}

/** Reads every searchable table once and builds the index: what the background calls, once per dataset version. */
export async function buildSearchFromSource(source: RecordSource): Promise<LibrarySearch> {
  // Retired records (kept only for a bookmark, docs/data-packs.md) are not searchable.
  const [agencies, publications, events, people, terms] = await Promise.all([
    source.all('agencies').then((rows) => rows.filter(isCurrent)),
    source.all('publications').then((rows) => rows.filter(isCurrent)),
    source.all('events').then((rows) => rows.filter(isCurrent)),
    source.all('people').then((rows) => rows.filter(isCurrent)),
    source.all('terms').then((rows) => rows.filter(isCurrent)),
  ]);
  return createLibrarySearch(documentsFrom({ agencies, publications, events, people, terms }));
}

/**
 * Typo tolerance for a word: none for short words ('iom' must not become 'ilo'), numbers ('2014' is not
 * '2019') or very long tokens, and none for words the index knows (or, for the word being typed, that start a
 * word it knows): 'demand' means demand, not 'remand', and skipping those lookups keeps keystrokes fast.
 */
function fuzzinessOf(word: string, completing: boolean, vocabulary: Vocabulary): number | false {
  if (word.length < FUZZY_MIN_LENGTH || word.length > FUZZY_MAX_LENGTH || /\d/.test(word)) return false;
  const known = completing ? vocabulary.hasPrefix(word) : vocabulary.has(word);
  return known ? false : FUZZINESS;
}

/** How many words' lookups are kept: enough for the words of the query being typed and a few before. */
const WORD_CACHE_SIZE = 16;

/** The cached value for `key`, computed on a miss; keeps the WORD_CACHE_SIZE most recently used. */
function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const value = compute();
  cache.set(key, value);
  if (cache.size > WORD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}

/** A record's score for one query word, and MiniSearch's hits (name fields, word fields) that gave it. */
interface WordHit {
  score: number;
  parts: MiniSearchResult[];
}
type WordHits = Map<string, WordHit>;

interface Candidate {
  id: string;
  p: Prepared;
  score: number;
  parts: MiniSearchResult[];
}

function wrap(
  mini: MiniSearch<SearchDocument>,
  documents: readonly SearchDocument[],
  vocabulary: Vocabulary,
): LibrarySearch {
  const { prepared, exact } = prepare(documents);
  // Word lookups, least recently used first: MiniSearch's hits per field group, and merged per word.
  const parts = new Map<string, MiniSearchResult[]>();
  const merged = new Map<string, WordHits>();
  const common: SearchOptions = {
    boost: FIELD_BOOSTS,
    maxFuzzy: MAX_EDITS,
    bm25: BM25,
    // Query words arrive folded and split already.
    tokenize: (text) => [text],
    processTerm: (term) => term || null,
  };

  /**
   * The records matching one query word: exactly in every field, with typo tolerance in the name fields
   * (titles, acronyms, names, forms…) and, for the word being typed, as a prefix in the name fields only.
   * Stop words are not indexed; one being typed is looked up as a prefix only ('in' may become
   * 'international'). Lookups are cached: while a query is typed, only its last word changes.
   */
  function lookup(word: string, completing: boolean): WordHits | null {
    if (STOP_WORDS.has(word) && !completing) return null;
    const prefix = completing && word.length >= MIN_PREFIX_LENGTH;
    const fuzzy = fuzzinessOf(word, completing, vocabulary);
    const namesKey = `${prefix ? '+' : '='}${fuzzy ? '~' : ''}${word}`;
    return remember(merged, namesKey, () => {
      const hits: WordHits = new Map();
      const add = (r: MiniSearchResult) => {
        const hit = hits.get(r.id as string);
        if (hit) {
          hit.score += r.score;
          hit.parts.push(r);
        } else hits.set(r.id as string, { score: r.score, parts: [r] });
      };
      const names = remember(parts, namesKey, () => mini.search(word, { ...common, fields: NAME_FIELDS, prefix, fuzzy }));
      for (const r of names) add(r);
      if (!STOP_WORDS.has(word)) {
        // The same whether the word is being typed or complete: 'trafficking' then 'trafficking ' look it up once.
        const prose = remember(parts, `.${word}`, () =>
          mini.search(word, { ...common, fields: WORD_FIELDS, prefix: false, fuzzy: false }),
        );
        for (const r of prose) add(r);
      }
      return hits;
    });
  }

  function search(query: string, options: LibrarySearchOptions = {}): SearchResult[] {
    const raw = query.slice(0, MAX_QUERY_LENGTH);
    const words = raw.split(WORD_SEPARATOR).map(foldText).filter(Boolean).slice(0, MAX_QUERY_WORDS);
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
    if (words.length === 0 || limit === 0) return [];
    // The last word is still being typed unless a space (or punctuation) follows it.
    const typing = !WORD_SEPARATOR.test(raw.slice(-1));
    const lists: WordHits[] = [];
    let optional: WordHits | null = null;
    for (const [i, word] of words.entries()) {
      const completing = typing && i === words.length - 1;
      const hits = lookup(word, completing);
      // A stop word being typed ('trafficking in') may be the start of a word ('international') or just
      // 'in': it adds to the score of records that complete it but does not exclude the others.
      if (hits && completing && STOP_WORDS.has(word) && words.length > 1) optional = hits;
      else if (hits) lists.push(hits);
    }
    if (lists.length === 0) return [];
    const keep = filterFor(options, prepared);
    let candidates = combineAll(lists, prepared, keep);
    if (candidates.length === 0 && lists.length > 1) candidates = combineAny(lists, prepared, keep);
    if (optional) addOptional(candidates, optional);
    return rerank(candidates, words, exact, limit).map((c) =>
      toResult(c.p.doc, matchOf(c), c.score, words, typing),
    );
  }

  return {
    search,
    exportIndex: () => ({ format: SEARCH_INDEX_FORMAT, documents: [...documents], index: mini.toJSON() }),
    clearCache: () => {
      parts.clear();
      merged.clear();
    },
    get size() {
      return mini.documentCount;
    },
  };
}

/**
 * MiniSearch's AND, over cached per-word lookups: records matching every word, scored by the sum of their
 * word scores times the number of words (MiniSearch's "quality" factor). Walks the shortest list.
 */
function combineAll(
  lists: readonly WordHits[],
  prepared: ReadonlyMap<string, Prepared>,
  keep: ((id: string) => boolean) | null,
): Candidate[] {
  const [first, ...rest] = [...lists].sort((a, b) => a.size - b.size);
  const out: Candidate[] = [];
  for (const [id, hit] of first!) {
    if (keep && !keep(id)) continue;
    let score = hit.score;
    let parts = hit.parts;
    let all = true;
    for (const list of rest) {
      const other = list.get(id);
      if (!other) {
        all = false;
        break;
      }
      score += other.score;
      parts = parts.concat(other.parts);
    }
    if (all) out.push({ id, p: prepared.get(id)!, score: stable(score * lists.length), parts });
  }
  return out;
}

/** MiniSearch's OR: records matching any word, the sum of their word scores times how many words matched. */
function combineAny(
  lists: readonly WordHits[],
  prepared: ReadonlyMap<string, Prepared>,
  keep: ((id: string) => boolean) | null,
): Candidate[] {
  const byId = new Map<string, { score: number; parts: MiniSearchResult[]; words: number }>();
  for (const list of lists) {
    for (const [id, hit] of list) {
      const seen = byId.get(id);
      if (seen) {
        seen.score += hit.score;
        seen.parts = seen.parts.concat(hit.parts);
        seen.words++;
      } else if (!keep || keep(id)) byId.set(id, { score: hit.score, parts: hit.parts, words: 1 });
    }
  }
  return [...byId].map(([id, c]) => ({ id, p: prepared.get(id)!, score: stable(c.score * c.words), parts: c.parts }));
}

/**
 * Scores rounded to a millionth: sums of the same numbers in another order (a loaded index iterates its
 * postings in another order than a built one) then tie exactly, and ties are broken by document order.
 */
const stable = (score: number) => Math.round(score * 1e6) / 1e6;

/** Adds the scores of an optional word's lookup to the candidates it matches. */
function addOptional(candidates: Candidate[], optional: WordHits): void {
  for (const c of candidates) {
    const hit = optional.get(c.id);
    if (hit) {
      c.score = stable(c.score + hit.score);
      c.parts = c.parts.concat(hit.parts);
    }
  }
}

/** Which document words matched, and in which fields, merged over the lookups that found the record. */
function matchOf(c: Candidate): MatchInfo {
  const match: MatchInfo = {};
  for (const part of c.parts) {
    for (const [word, fields] of Object.entries(part.match)) {
      const known = match[word];
      if (!known) match[word] = [...fields];
      else for (const f of fields) if (!known.includes(f)) known.push(f);
    }
  }
  return match;
}

/** How many of the best hits are checked for the partial bonuses (the exact ones apply to all). */
const RERANK_DEPTH = 200;
const MAX_BONUS = Math.max(EXACT_ACRONYM_BONUS, EXACT_NAME_BONUS, NEAR_ACRONYM_BONUS, TITLE_PREFIX_BONUS);

/**
 * Multiplies MiniSearch's score by the whole-query bonus and keeps the best `limit`. The exact bonuses come
 * from maps built with the index, so they reach every hit; the partial ones (an acronym the one-word query
 * completes or misspells, a title that starts with the query) are checked on the best RERANK_DEPTH hits.
 * Candidates are walked best first, so the walk stops once no bonus could lift one into the top.
 */
function rerank(candidates: Candidate[], words: readonly string[], exact: ExactNames, limit: number): Candidate[] {
  candidates.sort((a, b) => b.score - a.score || a.p.order - b.p.order);
  const phrase = words.join(' ');
  const exactAcronym = exact.acronym.get(phrase);
  const exactName = exact.name.get(phrase);
  const top: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (top.length === limit && c.score * MAX_BONUS <= top[limit - 1]!.score) break;
    let bonus = 1;
    if (exactAcronym?.has(c.id)) bonus = EXACT_ACRONYM_BONUS;
    else if (exactName?.has(c.id)) bonus = EXACT_NAME_BONUS;
    else if (i < RERANK_DEPTH) {
      if (words.length === 1 && c.p.acronyms.size > 0 && nearAcronym(c)) bonus = NEAR_ACRONYM_BONUS;
      else if (c.p.title.startsWith(phrase)) bonus = TITLE_PREFIX_BONUS;
    }
    const score = stable(c.score * bonus);
    if (top.length === limit && score <= top[limit - 1]!.score) continue;
    // Insert in order; equal scores keep the earlier candidate first.
    let at = top.length;
    while (at > 0 && top[at - 1]!.score < score) at--;
    top.splice(at, 0, { ...c, score });
    if (top.length > limit) top.pop();
  }
  return top;
}

/** The one query word matched one of the record's one-word acronyms, in the acronyms field. */
function nearAcronym(c: Candidate): boolean {
  for (const part of c.parts) {
    for (const [word, fields] of Object.entries(part.match)) {
      if (c.p.acronyms.has(word) && fields.includes('acronyms')) return true;
    }
  }
  return false;
}

function filterFor(options: LibrarySearchOptions, prepared: Map<string, Prepared>): ((id: string) => boolean) | null {
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const { yearFrom, yearTo } = options;
  const agencies = options.agencies && options.agencies.length > 0 ? options.agencies : null;
  const terms = options.terms && options.terms.length > 0 ? options.terms : null;
  if (!kinds && yearFrom === undefined && yearTo === undefined && !agencies && !terms) return null;
  return (id) => {
    const doc = prepared.get(id)?.doc;
    if (!doc) return false;
    if (kinds && !kinds.has(doc.kind)) return false;
    if (yearFrom !== undefined || yearTo !== undefined) {
      if (doc.year === undefined) return false;
      if (yearFrom !== undefined && doc.year < yearFrom) return false;
      if (yearTo !== undefined && doc.year > yearTo) return false;
    }
    if (agencies && !agencies.some((a) => doc.agencies.includes(a))) return false;
    if (terms && !terms.some((t) => doc.terms.includes(t))) return false;
    return true;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Snippets: which field explains the match, and the words of it that matched.

/** How well a document word answers the query: exact 1, completes the word being typed 0.8, typo 0.5. */
function wordQuality(docWord: string, queryWords: readonly string[], typing: boolean): number {
  if (queryWords.includes(docWord)) return 1;
  const last = queryWords[queryWords.length - 1];
  if (typing && last && docWord.startsWith(last)) return 0.8;
  return 0.5;
}

/** Sum of the `n` best qualities: a field (or text) answers at most one document word per query word. */
function topSum(qualities: number[], n: number): number {
  return [...qualities]
    .sort((a, b) => b - a)
    .slice(0, n)
    .reduce((sum, q) => sum + q, 0);
}

function toResult(
  doc: SearchDocument,
  match: MatchInfo,
  score: number,
  words: readonly string[],
  typing: boolean,
): SearchResult {
  const quality = new Map<string, number>();
  const fieldWords = new Map<SearchField, string[]>();
  for (const [docWord, fields] of Object.entries(match)) {
    quality.set(docWord, wordQuality(docWord, words, typing));
    for (const field of fields as SearchField[]) {
      const list = fieldWords.get(field);
      if (list) list.push(docWord);
      else fieldWords.set(field, [docWord]);
    }
  }
  // The field that answers the query best; on a tie, the earlier in SEARCH_FIELDS (title first).
  let best: SearchField = 'title';
  let bestScore = -1;
  for (const field of SEARCH_FIELDS) {
    const docWords = fieldWords.get(field);
    if (!docWords) continue;
    const s = topSum(
      docWords.map((w) => quality.get(w) ?? 0),
      words.length,
    );
    if (s > bestScore + 1e-9) {
      best = field;
      bestScore = s;
    }
  }
  const { snippet, matchedWords } = snippetFor(doc, best, quality, words.length);
  const result: SearchResult = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    score,
    matchedField: best,
    matchedWords,
  };
  if (doc.subtitle !== undefined) result.subtitle = doc.subtitle;
  if (doc.date !== undefined) result.date = doc.date;
  if (doc.city !== undefined) result.city = doc.city;
  if (snippet !== undefined) result.snippet = snippet;
  return result;
}

const LANGUAGE_LABEL = { fr: 'In French', es: 'In Spanish', ar: 'In Arabic' } as const;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Matched document words (folded) and how well each answers the query. */
type Quality = ReadonlyMap<string, number>;

/** The words of `text` (as written) that matched, with their positions and quality. */
function findWords(text: string, quality: Quality): { word: string; index: number; quality: number }[] {
  const found: { word: string; index: number; quality: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const q = quality.get(foldText(m[0]));
    if (q !== undefined) found.push({ word: m[0], index: m.index, quality: q });
  }
  return found;
}

/** Of several texts, the one whose matched words answer the query best, then the shortest. */
function bestOf(
  texts: readonly string[],
  quality: Quality,
  queryWords: number,
): { text: string; words: string[] } | null {
  let best: { text: string; words: string[]; score: number } | null = null;
  for (const text of texts) {
    const found = findWords(text, quality);
    if (found.length === 0) continue;
    const perWord = new Map(found.map((w) => [foldText(w.word), w.quality]));
    const score = topSum([...perWord.values()], queryWords);
    const tie = best !== null && Math.abs(score - best.score) <= 1e-9;
    if (!best || (!tie && score > best.score) || (tie && text.length < best.text.length)) {
      best = { text, words: found.map((w) => w.word), score };
    }
  }
  return best;
}

const unique = (words: string[]) => [...new Set(words)];

/** A piece of a long text around its first best-matched word, cut at word boundaries. */
function excerpt(text: string, quality: Quality, before = 40, after = 80): { text: string; words: string[] } {
  const found = findWords(text, quality);
  const top = Math.max(0, ...found.map((w) => w.quality));
  const first = found.find((w) => w.quality === top);
  if (!first) return { text: clip(text, before + after), words: [] };
  let start = Math.max(0, first.index - before);
  let end = Math.min(text.length, first.index + first.word.length + after);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first.index ? space + 1 : start;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > first.index + first.word.length ? space : end;
  }
  const piece = `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  return { text: piece, words: unique(found.filter((w) => w.index >= start && w.index < end).map((w) => w.word)) };
}

const clip = (text: string, max: number) => {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return `${text.slice(0, space > 0 ? space : max).trim()}…`;
};

const wordsIn = (text: string, quality: Quality) => unique(findWords(text, quality).map((w) => w.word));

function snippetFor(
  doc: SearchDocument,
  field: SearchField,
  quality: Quality,
  queryWords: number,
): { snippet?: string; matchedWords: string[] } {
  const labelled = (label: string, best: { text: string; words: string[] } | null) =>
    best ? { snippet: `${label}: ${clip(best.text, 120)}`, matchedWords: unique(best.words) } : { matchedWords: [] };
  switch (field) {
    case 'title':
      return { matchedWords: wordsIn(doc.title, quality) };
    case 'acronyms': {
      const hits = doc.acronyms.filter((a) => findWords(a, quality).length > 0);
      return { snippet: `Also known as: ${hits.join(', ')}`, matchedWords: hits };
    }
    case 'forms':
      return labelled('Also known as', bestOf(doc.forms, quality, queryWords));
    case 'names': {
      const best = bestOf(
        doc.names.map((n) => n.text),
        quality,
        queryWords,
      );
      const lang = doc.names.find((n) => n.text === best?.text)?.lang;
      return lang ? labelled(LANGUAGE_LABEL[lang], best) : { matchedWords: [] };
    }
    case 'variants':
      return labelled('Also titled', bestOf(doc.variants, quality, queryWords));
    case 'type':
      return { snippet: doc.type ?? '', matchedWords: wordsIn(doc.type ?? '', quality) };
    case 'city':
      return { snippet: `In ${doc.city ?? ''}`, matchedWords: doc.city ? [doc.city] : [] };
    case 'year':
      return {
        snippet: `Dated ${doc.date ?? String(doc.year)}`,
        matchedWords: doc.year === undefined ? [] : [String(doc.year)],
      };
    case 'roles': {
      const best = bestOf(doc.roles, quality, queryWords);
      if (!best) return { matchedWords: [] };
      const piece = best.text.length > 140 ? excerpt(best.text, quality) : best;
      return { snippet: piece.text, matchedWords: unique(piece.words) };
    }
    case 'description': {
      const piece = excerpt(doc.description, quality);
      return { snippet: piece.text, matchedWords: piece.words };
    }
  }
}
