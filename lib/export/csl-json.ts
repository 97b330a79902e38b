/**
 * CSL-JSON: the citation data format of Zotero, Mendeley, Pandoc and citeproc (schema: CSL 1.0.2,
 * csl-data.json). One item per bookmark, `id` = the record id.
 *
 * - papers → `report`: author and publisher ICAT (the author as a `literal` name, so no style splits it
 *   into given and family names), `genre` the paper type ('Issue brief'), `number`, `issued`, `URL` (the
 *   paper's own link, else its first source), `abstract` (the library's description);
 * - events → `speech` (what Zotero calls a presentation; CSL 1.0.2's newer `event` type is not yet widely
 *   supported): `title` and `event-title` both the event's name (an ICAT event has no separate talk title),
 *   `event-place` the city, `issued` and `event-date` the date, `genre` the kind ('Meeting');
 * - agencies, terms, people → `webpage` (see citable.ts for why they are not skipped).
 * Every item carries the reader's tags as `keyword` (", "-separated, see keywordList) and their note as `note` (Zotero
 * imports `note` into its Extra field).
 */
import { capitalise, ICAT_NAME, keywordList, toCitable, type Citable, type CitationEntry, type PartialDate } from './citable';

export type CslType = 'report' | 'speech' | 'webpage';

export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]];
}

export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  author?: { literal: string }[];
  publisher?: string;
  genre?: string;
  number?: string;
  issued?: CslDate;
  'event-title'?: string;
  'event-place'?: string;
  'event-date'?: CslDate;
  URL?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
}

const TYPE_OF_KIND: Record<Citable['kind'], CslType> = {
  publication: 'report',
  event: 'speech',
  agency: 'webpage',
  term: 'webpage',
  person: 'webpage',
};

export function toCslItems(entries: readonly CitationEntry[]): CslItem[] {
  return entries.map((entry) => toCslItem(toCitable(entry)));
}

export function toCslItem(c: Citable): CslItem {
  const item: CslItem = { id: c.id, type: TYPE_OF_KIND[c.kind], title: c.title };
  if (c.byIcat) {
    item.author = [{ literal: ICAT_NAME }];
    item.publisher = ICAT_NAME;
  }
  if (c.genre && c.kind !== 'term') item.genre = capitalise(c.genre);
  if (c.number) item.number = c.number;
  if (c.date) item.issued = cslDate(c.date);
  if (c.kind === 'event') {
    item['event-title'] = c.title;
    if (c.place) item['event-place'] = c.place;
    if (c.date) item['event-date'] = cslDate(c.date);
  }
  if (c.url) item.URL = c.url;
  if (c.abstract) item.abstract = c.abstract;
  const keywords = keywordList(c.tags);
  if (keywords) item.keyword = keywords;
  if (c.note.trim()) item.note = c.note;
  return item;
}

export function cslDate({ year, month, day }: PartialDate): CslDate {
  if (month === undefined) return { 'date-parts': [[year]] };
  if (day === undefined) return { 'date-parts': [[year, month]] };
  return { 'date-parts': [[year, month, day]] };
}

/** The file's text: a JSON array, indented for people who open it. */
export function exportCslJson(entries: readonly CitationEntry[]): string {
  return `${JSON.stringify(toCslItems(entries), null, 2)}\n`;
}
