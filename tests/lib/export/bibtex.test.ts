import { parse, type Entry } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexFields, citationKeys, escapeLatex, escapeUrl, exportBibtex } from '@/lib/export/bibtex';
import { ICAT_NAME, keywordList, oneLine, toCitable, type Citable } from '@/lib/export/citable';
import { bookmarkFor, HARD_TEXTS, sample } from './fixtures';

/** As BibTeX itself treats a protected title: no case changes. */
const parseBib = (text: string) => parse(text, { sentenceCase: false });

const MONTH_NUMBERS: Record<string, string> = { jan: '1', feb: '2', mar: '3', apr: '4', may: '5', jun: '6', jul: '7', aug: '8', sep: '9', oct: '10', nov: '11', dec: '12' };

function expectFieldsBack(entry: Entry, c: Citable) {
  const f = entry.fields as Record<string, unknown>;
  expect(f.title).toBe(oneLine(c.title));
  if (c.byIcat) {
    expect(f.author).toEqual([{ name: ICAT_NAME }]);
  } else expect(f.author).toBeUndefined();
  if (c.kind === 'publication') {
    expect(f.institution).toEqual([ICAT_NAME]);
    if (c.number) expect(f.number).toBe(c.number);
  }
  if (c.date) {
    expect(f.year).toBe(String(c.date.year));
    if (c.date.month) expect(f.month).toBe(String(c.date.month));
  }
  expect(f.url).toBe(c.url);
  expect(f.abstract).toBe(c.abstract === undefined ? undefined : oneLine(c.abstract));
  expect(f.annote).toBe(c.note.trim() ? oneLine(c.note) : undefined);
  // The parser reads `keywords` verbatim (no TeX decoding), so it sees each keyword as escaped in the file.
  const keywords = keywordList(c.tags);
  expect(f.keywords === undefined ? [] : [...(f.keywords as string[])].sort()).toEqual(keywords ? keywords.split(', ').map(escapeLatex).sort() : []);
}

describe('BibTeX export', () => {
  it('parses with @retorquere/bibtex-parser without errors, and every field comes back as written', () => {
    const { entries } = sample();
    const text = exportBibtex(entries);
    const library = parseBib(text);
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(entries.length);
    const citables = entries.map(toCitable);
    const keys = citationKeys(citables);
    library.entries.forEach((entry, i) => {
      expect(entry.key).toBe(keys[i]);
      expect(entry.type).toBe(citables[i]!.kind === 'publication' ? 'techreport' : 'misc');
      expectFieldsBack(entry, citables[i]!);
    });
  });

  it('escapes braces, backslash, %, &, $, #, _, ~ and ^ and keeps quotes, accents, emoji and Arabic', () => {
    const title = `${HARD_TEXTS.tex} ${HARD_TEXTS.quotes} ${HARD_TEXTS.accents}`;
    const note = `${HARD_TEXTS.emoji} ${HARD_TEXTS.rtl} ${HARD_TEXTS.html} ${HARD_TEXTS.tex}`;
    const bookmark = bookmarkFor('icat-issue-brief-99', 'publication', title, { note, tags: ['Ünïcode 📌', 'عربي', 'a, b'] });
    const text = exportBibtex([{ bookmark, entity: null }]);
    expect(text).toContain('100\\% \\& \\$5 \\#3 a\\_b \\textasciitilde{}x\\textasciicircum{}2 \\{braces\\} back\\textbackslash{}slash');
    expect(text).toContain('Straße'); // UTF-8 kept, not \ss{}
    const [entry] = parseBib(text).entries;
    expect(entry!.fields.title).toBe(title);
    expect(entry!.fields.annote).toBe(note);
    expect([...entry!.fields.keywords!].sort()).toEqual(['a b', 'Ünïcode 📌', 'عربي'].sort());
    // < > | would print as ¡ ¿ and a dash in LaTeX's default font encoding: escaped, they come back as written.
    expect(text).toContain('\\textless{}b\\textgreater{}bold');
    const [pipes] = parseBib(exportBibtex([{ bookmark: bookmarkFor('x', 'agency', 'a | b < c > d'), entity: null }])).entries;
    expect(pipes!.fields.title).toBe('a | b < c > d');
  });

  it('wraps titles in double braces, so capitalisation survives a sentence-casing reader', () => {
    const { entries } = sample();
    const text = exportBibtex([entries[0]!]);
    expect(text).toMatch(/^ {2}title = \{\{Preventing trafficking in persons by addressing demand\}\},$/m);
    const gender = bookmarkFor('icat-issue-brief-04', 'publication', 'The Gender Dimensions of Human Trafficking: ICAT and UN-Women');
    const [entry] = parse(exportBibtex([{ bookmark: gender, entity: null }]), { removeOuterBraces: [] }).entries;
    expect(entry!.fields.title).toContain('The Gender Dimensions of Human Trafficking');
  });

  it('makes unique ASCII keys: icat + year + first significant word, then a, b, …', () => {
    const { entries } = sample();
    const keys = citationKeys(entries.map(toCitable));
    expect(keys[0]).toBe('icat2014preventing');
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+$/);

    const c = (title: string, year?: number, id = 'some-id'): Citable => ({ id, kind: 'publication', title, byIcat: true, tags: [], note: '', ...(year ? { date: { year } } : {}) });
    expect(citationKeys([c('Trafficking in Persons in Humanitarian Crises', 2017), c('Trafficking in Persons and Refugee Status', 2017), c('Trafficking in children', 2017)])).toEqual([
      'icat2017trafficking',
      'icat2017traffickinga',
      'icat2017traffickingb',
    ]);
    expect(citationKeys([c('Trafficking in Children')])).toEqual(['icatndtrafficking']);
    expect(citationKeys([c('2020 ICAT Analytical Review', 2020)])).toEqual(['icat2020analytical']);
    expect(citationKeys([c('ICAT´s contribution', 2022)])).toEqual(['icat2022contribution']);
    expect(citationKeys([c('Égalité des chances', 2020)])).toEqual(['icat2020egalite']);
    expect(citationKeys([c('الاتجار بالأشخاص', 2020, 'arabic-brief-3')])).toEqual(['icat2020arabic']);
    expect(citationKeys([c('!!!', 2020, '9')])).toEqual(['icat20209']);
    const many = citationKeys(Array.from({ length: 30 }, () => c('Same', 2020)));
    expect(new Set(many).size).toBe(30);
    expect(many[27]).toBe('icat2020sameaa');
    // Linear, not quadratic, in the number of same-word titles (20,000 would take minutes otherwise).
    const lots = citationKeys(Array.from({ length: 20_000 }, () => c('Same', 2020)));
    expect(new Set(lots).size).toBe(20_000);
    // A title whose own key looks like a suffixed one still gets a unique key.
    expect(citationKeys([c('Same', 2020), c('Same', 2020), c('Samea', 2020)])).toEqual(['icat2020same', 'icat2020samea', 'icat2020sameaa']);
  });

  it('types papers @techreport with institution, type and number; events @misc with kind and city', () => {
    const { entries } = sample();
    const [paper, event] = parseBib(exportBibtex([entries[2]!, entries[5]!])).entries;
    expect(paper).toMatchObject({ type: 'techreport', fields: { type: 'Issue brief', number: '8', year: '2019' } });
    expect(event!.type).toBe('misc');
    expect(event!.fields.howpublished).toBe('Meeting, Vienna');
    expect(event!.fields.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(MONTH_NUMBERS[/month = (\w+)/.exec(exportBibtex([entries[5]!]))![1]!]).toBe(event!.fields.month);
  });

  it('escapes only what it must in URLs (a verbatim field)', () => {
    expect(escapeUrl('https://example.org/a_b%20c#x&y=~z')).toBe('https://example.org/a_b%20c#x&y=~z');
    expect(escapeUrl('https://example.org/{x}\\y')).toBe('https://example.org/%7Bx%7D%5Cy');
    expect(escapeLatex('a\nb')).toBe('a b');
  });

  it('leaves out empty fields', () => {
    const bookmark = bookmarkFor('ilo', 'agency', 'ILO');
    expect(bibtexFields(toCitable({ bookmark, entity: null }))).toEqual([['title', '{ILO}']]);
    expect(exportBibtex([])).toBe('');
  });
});
