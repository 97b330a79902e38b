/**
 * A structural check of CSL-JSON against the CSL 1.0.2 input schema (citation-style-language/schema,
 * schemas/input/csl-data.json), transcribed here so the test needs no network: the item types, every
 * property with its JSON type, `required: ["type", "id"]`, `additionalProperties: false`, and the shapes of
 * name and date variables. Returns the problems found (empty = valid).
 */

export const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
]);

const NAME_VARIABLES = [
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author',
  'script-writer', 'series-creator', 'translator',
];
const DATE_VARIABLES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'];
const STRING_VARIABLES = [
  'citation-key', 'language', 'journalAbbreviation', 'shortTitle', 'abstract', 'annote', 'archive',
  'archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number', 'citation-label',
  'collection-title', 'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'event',
  'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'medium', 'note',
  'original-publisher', 'original-publisher-place', 'original-title', 'part-title', 'PMCID', 'PMID', 'publisher',
  'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status',
  'title', 'title-short', 'URL', 'version', 'volume-title', 'volume-title-short', 'year-suffix',
];
const STRING_OR_NUMBER_VARIABLES = [
  'id', 'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue',
  'locator', 'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part', 'printing',
  'supplement', 'volume',
];

const NAME_PARTS: Record<string, readonly string[]> = {
  family: ['string'], given: ['string'], 'dropping-particle': ['string'], 'non-dropping-particle': ['string'],
  suffix: ['string'], 'comma-suffix': ['string', 'number', 'boolean'], 'static-ordering': ['string', 'number', 'boolean'],
  literal: ['string'], 'parse-names': ['string', 'number', 'boolean'],
};
const DATE_PARTS: readonly string[] = ['date-parts', 'season', 'circa', 'literal', 'raw'];

const jsonType = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
const isPlainObject = (value: unknown): value is Record<string, unknown> => jsonType(value) === 'object';

export function checkCslData(data: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(data)) return ['the top level is not an array'];
  data.forEach((item, i) => {
    const at = `item ${i}`;
    if (!isPlainObject(item)) {
      problems.push(`${at} is not an object`);
      return;
    }
    for (const required of ['type', 'id']) if (!(required in item)) problems.push(`${at} has no "${required}"`);
    for (const [key, value] of Object.entries(item)) {
      const where = `${at}.${key}`;
      if (key === 'type') {
        if (typeof value !== 'string' || !CSL_TYPES.has(value)) problems.push(`${where} is not a CSL item type: ${String(value)}`);
      } else if (STRING_VARIABLES.includes(key)) {
        if (typeof value !== 'string') problems.push(`${where} is not a string`);
      } else if (STRING_OR_NUMBER_VARIABLES.includes(key)) {
        if (typeof value !== 'string' && typeof value !== 'number') problems.push(`${where} is not a string or number`);
      } else if (key === 'categories') {
        if (!Array.isArray(value) || value.some((c) => typeof c !== 'string')) problems.push(`${where} is not an array of strings`);
      } else if (key === 'custom') {
        if (!isPlainObject(value)) problems.push(`${where} is not an object`);
      } else if (NAME_VARIABLES.includes(key)) {
        if (!Array.isArray(value)) problems.push(`${where} is not an array of names`);
        else value.forEach((name, n) => problems.push(...checkName(name, `${where}[${n}]`)));
      } else if (DATE_VARIABLES.includes(key)) {
        problems.push(...checkDate(value, where));
      } else {
        problems.push(`${where} is not a CSL variable (additionalProperties: false)`);
      }
    }
  });
  return problems;
}

function checkName(name: unknown, where: string): string[] {
  if (!isPlainObject(name)) return [`${where} is not an object`];
  return Object.entries(name).flatMap(([key, value]) => {
    const allowed = NAME_PARTS[key];
    if (!allowed) return [`${where}.${key} is not a name part`];
    return allowed.includes(jsonType(value)) ? [] : [`${where}.${key} is not ${allowed.join(' or ')}`];
  });
}

function checkDate(date: unknown, where: string): string[] {
  if (!isPlainObject(date)) return [`${where} is not a date object`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(date)) {
    if (!DATE_PARTS.includes(key)) problems.push(`${where}.${key} is not a date field`);
    else if (key === 'date-parts') {
      const ok =
        Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= 2 &&
        value.every(
          (range) =>
            Array.isArray(range) &&
            range.length >= 1 &&
            range.length <= 3 &&
            range.every((part) => typeof part === 'string' || typeof part === 'number'),
        );
      if (!ok) problems.push(`${where}.date-parts is not 1–2 arrays of 1–3 strings or numbers`);
    } else if (key === 'circa') {
      if (!['string', 'number', 'boolean'].includes(jsonType(value))) problems.push(`${where}.circa has the wrong type`);
    } else if (key === 'season') {
      if (!['string', 'number'].includes(jsonType(value))) problems.push(`${where}.season has the wrong type`);
    } else if (typeof value !== 'string') problems.push(`${where}.${key} is not a string`);
  }
  return problems;
}
