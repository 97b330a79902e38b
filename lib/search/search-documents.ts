/**
 * Library records turned into flat search documents: one per agency, publication, event, person and term,
 * with every text a reader might type (names in four languages, acronyms, surface forms, title variants,
 * description, city, paper type and number, year, roles) and the summary the result list shows.
 * Pure data mapping, no DOM, no index: lib/search/library-search.ts indexes these.
 */
import type { Agency, EntityKind, IcatEvent, Person, Publication, Term } from '../data/schema';
import { summarize, type EntityRecord, type EntitySummary } from '../library/entity';

/** The indexed text fields, in the order that explains a match best (see `snippet` in library-search.ts). */
export const SEARCH_FIELDS = [
  'title',
  'acronyms',
  'names',
  'forms',
  'variants',
  'type',
  'city',
  'year',
  'roles',
  'description',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export type NameLanguage = 'fr' | 'es' | 'ar';

/** A record as the index sees it: its summary (exactly as `summarize` computes it), then what is searched. */
export interface SearchDocument extends Omit<EntitySummary, 'retired'> {
  /** Names in other languages (agencies and terms). */
  names: { lang: NameLanguage; text: string }[];
  /** Declared acronyms (EN/FR/ES), then acronym-like surface forms ('UNTOC', 'THB', 'ACNUR'). */
  acronyms: string[];
  /** Every other surface form, once each (forms equal to the title, a name or an acronym are not repeated). */
  forms: string[];
  /** Other known titles of a publication. */
  variants: string[];
  /** 'Policy paper 2', 'Issue brief 01', an event's kind ('Launch'), a term's kind ('Instrument'). */
  type?: string;
  /** Year of `date`, when dated. */
  year?: number;
  /** A person's role, an agency's ICAT role, an event's participants with their roles. */
  roles: string[];
  description: string;
  /** Ids of related agencies and terms, for filtering by theme (not searched as text). */
  agencies: string[];
  terms: string[];
}

/** The record lists a search index is built from: a Dataset fits, so do rows from a RecordSource. */
export interface SearchableRecords {
  agencies: readonly Agency[];
  publications: readonly Publication[];
  events: readonly IcatEvent[];
  people: readonly Person[];
  terms: readonly Term[];
}

/**
 * Lower-case, strip accents and fold the common ligatures: 'Organización' → 'organizacion', 'Cœur' → 'coeur'.
 * The one normalisation used by the index and by queries.
 */
export function foldText(text: string): string {
  // Most words are plain ASCII: skip the Unicode work (indexing calls this for every word of the library).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u0153\u00e6\u00df]/g, (c) => LIGATURES[c] ?? c);
}
// Escaped: built scripts stay ASCII (Chromium refuses a script that is not valid UTF-8; see wxt.config.ts).
const LIGATURES: Record<string, string> = { '\u0153': 'oe', '\u00e6': 'ae', '\u00df': 'ss' };
const ASCII = /^[\x00-\x7f]*$/;

/** Words of a text as the index sees them: runs of letters, digits and combining marks. */
export const WORD_SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;

/** A whole phrase folded for comparison: 'Trata de personas' and 'trata  de PERSONAS' compare equal. */
export function foldPhrase(text: string): string {
  return foldText(text).split(WORD_SEPARATOR).filter(Boolean).join(' ');
}

/** 'UNTOC', 'CTOC/COP', 'UN.GIFT', 'SRSG-VAC': written case-sensitively, upper-case, no spaces. */
function looksLikeAcronym(text: string, caseSensitive: boolean): boolean {
  return (
    caseSensitive &&
    text.length <= 15 &&
    /^[\p{Lu}\p{N}][\p{Lu}\p{N}./-]*$/u.test(text) &&
    (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const yearOf = (date: string | undefined): number | undefined => (date ? Number(date.slice(0, 4)) : undefined);

/** Keeps the first of texts that fold to the same phrase, and drops those already `seen`. */
function distinct(texts: readonly (string | undefined)[], seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    const key = foldPhrase(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

function localisedNames(name: Agency['name']): SearchDocument['names'] {
  const names: SearchDocument['names'] = [];
  for (const lang of ['fr', 'es', 'ar'] as const) {
    const text = name[lang];
    if (text && foldPhrase(text) !== foldPhrase(name.en)) names.push({ lang, text });
  }
  return names;
}

interface TextParts {
  names?: SearchDocument['names'];
  declaredAcronyms?: (string | undefined)[];
  forms?: { text: string; caseSensitive: boolean }[];
  variants?: string[];
  type?: string;
  roles?: string[];
  description: string;
  agencies?: string[];
  terms?: string[];
}

function toDocument(entity: EntityRecord, parts: TextParts): SearchDocument {
  const summary = summarize(entity);
  const names = parts.names ?? [];
  const forms = parts.forms ?? [];
  const seen = new Set<string>();
  const acronyms = distinct(
    [
      ...(parts.declaredAcronyms ?? []),
      ...forms.filter((f) => looksLikeAcronym(f.text, f.caseSensitive)).map((f) => f.text),
    ],
    seen,
  );
  seen.add(foldPhrase(summary.title));
  for (const name of names) seen.add(foldPhrase(name.text));
  const variants = distinct(parts.variants ?? [], seen);
  const doc: SearchDocument = {
    id: summary.id,
    kind: summary.kind,
    title: summary.title,
    names,
    acronyms,
    forms: distinct(
      forms.map((f) => f.text),
      seen,
    ),
    variants,
    roles: parts.roles ?? [],
    description: parts.description,
    agencies: parts.agencies ?? [],
    terms: parts.terms ?? [],
  };
  if (summary.subtitle !== undefined) doc.subtitle = summary.subtitle;
  if (summary.date !== undefined) doc.date = summary.date;
  if (summary.city !== undefined) doc.city = summary.city;
  if (parts.type !== undefined) doc.type = parts.type;
  const year = yearOf(summary.date);
  if (year !== undefined) doc.year = year;
  return doc;
}

export function agencyDocument(a: Agency): SearchDocument {
  return toDocument(
    { kind: 'agency', record: a },
    {
      names: localisedNames(a.name),
      declaredAcronyms: [a.acronym, a.acronyms?.en, a.acronyms?.fr, a.acronyms?.es],
      forms: a.forms,
      roles: [a.icatRole],
      description: a.description,
      agencies: [a.id],
    },
  );
}

export function publicationDocument(p: Publication): SearchDocument {
  return toDocument(
    { kind: 'publication', record: p },
    {
      forms: p.forms,
      variants: p.titleVariants,
      type: p.number ? `${capitalise(p.type)} ${p.number}` : capitalise(p.type),
      description: p.description,
      agencies: p.agencies,
      terms: p.terms,
    },
  );
}

export function eventDocument(e: IcatEvent, peopleNames: ReadonlyMap<string, string> = new Map()): SearchDocument {
  return toDocument(
    { kind: 'event', record: { ...e, people: e.participants.map((p) => p.person) } },
    {
      type: capitalise(e.kind),
      roles: e.participants.map((p) => `${peopleNames.get(p.person) ?? p.person} (${p.role})`),
      description: e.description,
      agencies: e.agencies,
      terms: e.terms,
    },
  );
}

export function personDocument(p: Person): SearchDocument {
  return toDocument(
    { kind: 'person', record: p },
    { forms: p.forms, roles: [p.role], description: p.description, agencies: p.agency ? [p.agency] : [] },
  );
}

export function termDocument(t: Term): SearchDocument {
  return toDocument(
    { kind: t.kind, record: t },
    {
      names: localisedNames(t.name),
      forms: t.forms,
      type: capitalise(t.kind),
      description: t.description,
      terms: [t.id],
    },
  );
}

/** One search document per record, agencies first (the order breaks exact score ties). */
export function documentsFrom(records: SearchableRecords): SearchDocument[] {
  const peopleNames = new Map(records.people.map((p) => [p.id, p.name]));
  return [
    ...records.agencies.map(agencyDocument),
    ...records.terms.map(termDocument),
    ...records.publications.map(publicationDocument),
    ...records.events.map((e) => eventDocument(e, peopleNames)),
    ...records.people.map(personDocument),
  ];
}
