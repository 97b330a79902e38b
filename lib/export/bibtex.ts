/**
 * BibTeX / biblatex. The file is UTF-8 (biber reads it as is; with classic BibTeX use a UTF-8 aware
 * LaTeX), so accented letters, Arabic and emoji stay as written; only TeX's special characters (and < > |,
 * which the default font encoding prints as other glyphs) are escaped.
 *
 * - papers → `@techreport`: author and institution ICAT (the author in double braces, so it is one
 *   corporate name), `type` the paper type ('Issue brief'), `number`;
 * - events → `@misc`, `howpublished` "Meeting, Vienna" (kind and city);
 * - agencies, terms, people → `@misc` with their link (see citable.ts for why they are not skipped).
 * Every entry: `title` in double braces (`{{…}}`) so styles keep its capitalisation, `year`, `month`
 * (the three-letter macro) and biblatex `date` (YYYY, YYYY-MM or YYYY-MM-DD), `url` (verbatim field),
 * `abstract` the library's description, `keywords` the tags (escaped like every other field, so LaTeX can
 * read them; parsers that read `keywords` verbatim, like Better BibTeX's, show a tag "R&D" as "R\&D"),
 * `annote` the reader's note. The note goes to `annote`, the standard field for a reader's annotation
 * (annotated bibliographies print it; Zotero imports it as a note), not `note`, which every style prints
 * in every reference.
 *
 * Citation keys: `icat` + year (or `nd`) + the first significant word of the title, ASCII only:
 * icat2014preventing; later entries with the same key get a, b, c… (icat2017traffickinga).
 */
import { capitalise, ICAT_NAME, keywordList, oneLine, toCitable, type Citable, type CitationEntry } from './citable';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // Not TeX specials, but in the default (OT1) font encoding they print as ¡, ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * Escapes TeX's special characters, and < > | (see SPECIALS), and makes the text one line; everything else,
 * accented letters, quotes, Arabic, emoji, is kept as written.
 */
export function escapeLatex(s: string): string {
  return oneLine(s).replace(/[\\{}%&$#_~^<>|]/g, (c) => SPECIALS[c]!);
}

/**
 * A `url` field is read verbatim (biblatex, the url package): TeX specials stay as they are, but braces
 * must balance and a backslash or space would confuse readers, so those are percent-encoded.
 */
export function escapeUrl(url: string): string {
  return oneLine(url).replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** Words that never make a citation key: articles, prepositions, and 'icat' itself (every key starts with it). */
const KEY_STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'on', 'in', 'and', 'or', 'for', 'to', 'by', 'with', 'at', 'from', 'into', 'its',
  'icat', 'le', 'la', 'les', 'de', 'des', 'du', 'el', 'los', 'las', 'del',
]);

/** The significant word of a title for its key: lower-case ASCII letters and digits, at most 20 of them. */
function keyWord(title: string, fallback: string): string {
  const words = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const significant = (list: string[]) =>
    list.find((w) => w.length >= 3 && !/^\d+$/.test(w) && !KEY_STOPWORDS.has(w)) ??
    list.find((w) => !KEY_STOPWORDS.has(w));
  const word = significant(words(title)) ?? significant(words(fallback)) ?? 'item';
  return word.slice(0, 20);
}

/** Suffixes for repeated keys: a…z, then aa, ab, … */
function suffix(n: number): string {
  let s = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) s = String.fromCharCode(97 + (i % 26)) + s;
  return s;
}

/** One unique ASCII key per citable, in order: the first of a kind keeps the plain key. */
export function citationKeys(citables: readonly Citable[]): string[] {
  const used = new Set<string>();
  // The next suffix to try for each base key, so thousands of same-word titles stay linear.
  const nextSuffix = new Map<string, number>();
  return citables.map((c) => {
    const base = `icat${c.date ? String(c.date.year) : 'nd'}${keyWord(c.title, c.id)}`;
    let key = base;
    if (used.has(key)) {
      let n = nextSuffix.get(base) ?? 0;
      do key = base + suffix(n++);
      while (used.has(key));
      nextSuffix.set(base, n);
    }
    used.add(key);
    return key;
  });
}

export function bibtexEntryType(c: Citable): 'techreport' | 'misc' {
  return c.kind === 'publication' ? 'techreport' : 'misc';
}

/** One entry's [field, already-escaped value] pairs, in the order they are written. */
export function bibtexFields(c: Citable): [string, string][] {
  const fields: [string, string | undefined][] = [['title', `{${escapeLatex(c.title)}}`]];
  if (c.byIcat) fields.push(['author', `{${escapeLatex(ICAT_NAME)}}`]);
  if (c.kind === 'publication') {
    fields.push(['institution', escapeLatex(ICAT_NAME)]);
    if (c.genre) fields.push(['type', escapeLatex(capitalise(c.genre))]);
    if (c.number) fields.push(['number', escapeLatex(c.number)]);
  }
  if (c.kind === 'event') {
    const how = [c.genre && capitalise(c.genre), c.place].filter(Boolean).join(', ');
    if (how) fields.push(['howpublished', escapeLatex(how)]);
  }
  if (c.date) {
    const { year, month, day } = c.date;
    fields.push(['year', String(year)]);
    if (month) fields.push(['month', MONTHS[month - 1]]);
    fields.push(['date', [String(year).padStart(4, '0'), month && pad2(month), month && day && pad2(day)].filter(Boolean).join('-')]);
  }
  if (c.url) fields.push(['url', escapeUrl(c.url)]);
  if (c.abstract) fields.push(['abstract', escapeLatex(c.abstract)]);
  if (c.tags.length) fields.push(['keywords', escapeLatex(keywordList(c.tags))]);
  if (c.note.trim()) fields.push(['annote', escapeLatex(c.note)]);
  return fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function bibtexEntry(c: Citable, key: string): string {
  const lines = bibtexFields(c).map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`));
  return `@${bibtexEntryType(c)}{${key},\n${lines.join(',\n')}\n}\n`;
}

/** The file's text: every entry, a blank line between them. */
export function exportBibtex(entries: readonly CitationEntry[]): string {
  const citables = entries.map(toCitable);
  const keys = citationKeys(citables);
  return citables.map((c, i) => bibtexEntry(c, keys[i]!)).join('\n');
}
