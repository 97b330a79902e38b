import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { ICAT_NAME, toCitable } from '@/lib/export/citable';
import { exportRis, risFields, risValue } from '@/lib/export/ris';
import { bookmarkFor, HARD_TEXTS, sample } from './fixtures';

type RawRecord = Record<string, string | string[]>;

/**
 * The RIS line format, strictly: every line is `XX  - value` (two-character tag, two spaces, hyphen,
 * space) or the `ER  - ` terminator, lines end in CRLF and nowhere else, records start with TY and end
 * with ER, and only a blank line separates records.
 */
function strictRisProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('has a bare CR or LF');
  const lines = text.split('\r\n').slice(0, -1);
  let inRecord = false;
  lines.forEach((line, i) => {
    if (line === '') {
      if (inRecord) problems.push(`line ${i + 1}: blank line inside a record`);
      return;
    }
    if (line === 'ER  - ') {
      if (!inRecord) problems.push(`line ${i + 1}: ER outside a record`);
      inRecord = false;
      return;
    }
    const m = /^([A-Z][A-Z0-9])  - (\S.*)$/.exec(line);
    if (!m) return problems.push(`line ${i + 1}: not "XX  - value": ${JSON.stringify(line)}`);
    if (m[1] === 'TY') {
      if (inRecord) problems.push(`line ${i + 1}: TY inside a record`);
      inRecord = true;
    } else if (!inRecord) problems.push(`line ${i + 1}: ${m[1]} before TY`);
    if (/\s$/.test(m[2]!)) problems.push(`line ${i + 1}: trailing space`);
  });
  if (inRecord) problems.push('last record has no ER');
  return problems;
}

const parseRis = (text: string) => plugins.input.chainLink(text) as RawRecord[];
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('RIS export', () => {
  it('is strict RIS, and Citation.js parses back every field as written', () => {
    const { entries } = sample();
    const text = exportRis(entries);
    expect(strictRisProblems(text)).toEqual([]);

    const records = parseRis(text);
    expect(records).toHaveLength(entries.length);
    records.forEach((record, i) => {
      const expected: RawRecord = {};
      for (const [tag, value] of risFields(toCitable(entries[i]!))) {
        const previous = expected[tag];
        expected[tag] = previous === undefined ? value : [...all(previous), value];
      }
      expect(record).toEqual(expected);
    });
  });

  it('keeps titles and notes with quotes, ampersands, percent signs, braces, accents, emoji and Arabic', () => {
    const title = `${HARD_TEXTS.quotes} ${HARD_TEXTS.tex} ${HARD_TEXTS.accents}`;
    const note = `${HARD_TEXTS.emoji} ${HARD_TEXTS.rtl} ${HARD_TEXTS.html}`;
    const bookmark = bookmarkFor('icat-issue-brief-99', 'publication', title, { note, tags: ['a, b', 'Ünïcode 📌', 'عربي'] });
    const [record] = parseRis(exportRis([{ bookmark, entity: null }]));
    expect(record).toMatchObject({ TY: 'RPRT', ID: 'icat-issue-brief-99', TI: title, N1: note, KW: ['a, b', 'Ünïcode 📌', 'عربي'] });
  });

  it('puts line breaks inside a value on one line', () => {
    const bookmark = bookmarkFor('ilo', 'agency', 'ILO', { note: HARD_TEXTS.multiline });
    const text = exportRis([{ bookmark, entity: null }]);
    expect(strictRisProblems(text)).toEqual([]);
    expect(text).toContain('N1  - First paragraph. Second paragraph, with a Windows line end. Indented.\r\n');
    // A note that looks like the end of a record cannot end it.
    const tricky = bookmarkFor('iom', 'agency', 'IOM', { note: 'before\nER  - \nTY  - JOUR\nafter' });
    const records = parseRis(exportRis([{ bookmark: tricky, entity: null }]));
    expect(records).toHaveLength(1);
    expect(records[0]!.N1).toBe('before ER - TY - JOUR after');
    expect(risValue('a  -  b\n\n  c')).toBe('a - b c');
  });

  it('types papers RPRT, gatherings CONF, statements and milestones GEN, the rest ELEC', () => {
    const { entries } = sample();
    const types = parseRis(exportRis(entries)).map((r) => r.TY);
    expect(types).toEqual(['RPRT', 'RPRT', 'RPRT', 'RPRT', 'RPRT', 'CONF', 'GEN', 'GEN', 'ELEC', 'ELEC', 'ELEC']);
  });

  it('writes ICAT as one corporate author and as publisher, the number as SN, and partial dates', () => {
    const { entries } = sample();
    const [paper] = parseRis(exportRis([entries[2]!]));
    expect(paper).toMatchObject({ AU: `${ICAT_NAME},`, PB: ICAT_NAME, SN: '8', M3: 'Issue brief', PY: '2019', DA: '2019///' });
    // Citation.js (like Zotero and EndNote) reads the trailing-comma author as one name, not given + family.
    const [csl] = plugins.input.chain(exportRis([entries[2]!]));
    expect(csl!.author).toEqual([{ family: ICAT_NAME, given: '' }]);
    expect(csl).toMatchObject({ type: 'report', number: '8', publisher: ICAT_NAME, issued: { 'date-parts': [[2019]] } });
    const [event] = parseRis(exportRis([entries[5]!]));
    expect(event!.DA).toMatch(/^\d{4}\/\d{2}\/\d{2}\/$/);
    expect(event).toMatchObject({ CY: 'Vienna' });
  });

  it('writes nothing for no bookmarks', () => {
    expect(exportRis([])).toBe('');
  });
});
