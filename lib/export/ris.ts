/**
 * RIS (the Research Information Systems tagged format read by EndNote, Zotero, Mendeley, RefWorks).
 *
 * Each record is `TAG  - value` lines, first `TY`, last `ER  - `, lines ending in CRLF as the format
 * specifies, a blank line between records. RIS has no way to continue a value on the next line that all
 * readers agree on, so line breaks inside a value (a multi-paragraph note) become spaces (see `oneLine`), and
 * runs of spaces one space (a value must never contain "  - "); empty values are left out.
 *
 * - papers → `RPRT`: AU and PB ICAT (AU with a trailing comma, the convention that tells EndNote and Zotero
 *   a corporate name is one name, not "given family"), SN the paper's number, M3 the paper type;
 * - events → `CONF` for meetings, launches and briefings (T2 the event's name, CY the city), and `GEN` for
 *   statements and milestones, which are not gatherings (M3 the kind, CY the city);
 * - agencies, terms, people → `ELEC` (web page).
 * Every record: ID the record id, TI, PY (year) and DA (YYYY/MM/DD/ with empty parts for an unknown month
 * or day), UR, AB the library's description, one KW per tag, N1 the reader's note.
 */
import { capitalise, ICAT_NAME, oneLine, toCitable, type Citable, type CitationEntry } from './citable';

export const RIS_LINE_END = '\r\n';

export type RisType = 'RPRT' | 'CONF' | 'GEN' | 'ELEC';

export function risType(c: Citable): RisType {
  switch (c.kind) {
    case 'publication':
      return 'RPRT';
    case 'event':
      return c.eventKind === 'statement' || c.eventKind === 'milestone' ? 'GEN' : 'CONF';
    default:
      return 'ELEC';
  }
}

/** One record's [tag, value] pairs, in the order they are written. */
export function risFields(c: Citable): [string, string][] {
  const type = risType(c);
  const fields: [string, string | undefined][] = [['TY', type], ['ID', c.id], ['TI', c.title]];
  if (c.byIcat) fields.push(['AU', `${ICAT_NAME},`], ['PB', ICAT_NAME]);
  if (type === 'RPRT') fields.push(['M3', c.genre && capitalise(c.genre)], ['SN', c.number]);
  if (type === 'CONF') fields.push(['T2', c.title]);
  if (type === 'GEN') fields.push(['M3', c.genre && capitalise(c.genre)]);
  if (c.kind === 'event') fields.push(['CY', c.place]);
  if (c.date) {
    const { year, month, day } = c.date;
    fields.push(['PY', String(year).padStart(4, '0')]);
    fields.push(['DA', `${String(year).padStart(4, '0')}/${month ? pad2(month) : ''}/${day ? pad2(day) : ''}/`]);
  }
  fields.push(['UR', c.url], ['AB', c.abstract]);
  for (const tag of c.tags) fields.push(['KW', tag]);
  fields.push(['N1', c.note]);
  return fields
    .map(([tag, value]): [string, string] => [tag, value === undefined ? '' : risValue(value)])
    .filter(([, value]) => value !== '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A value on one line, with runs of spaces collapsed: readers split a line at "  - " (two spaces and a
 * hyphen), so a value must never contain that.
 */
export function risValue(value: string): string {
  return oneLine(value).replace(/ {2,}/g, ' ');
}

export function risRecord(c: Citable): string {
  const lines = risFields(c).map(([tag, value]) => `${tag}  - ${value}`);
  lines.push('ER  - ');
  return lines.join(RIS_LINE_END) + RIS_LINE_END;
}

/** The file's text: every record, a blank line between them. */
export function exportRis(entries: readonly CitationEntry[]): string {
  return entries.map((entry) => risRecord(toCitable(entry))).join(RIS_LINE_END);
}
