import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '@/lib/export/backup';
import { bookmarkFor, validBackup } from './fixtures';

type Json = Record<string, unknown>;

/** A small valid backup as a plain JSON object, for each case to break in its own way. */
function base(): Json & { bookmarks: Json[]; settings: Json } {
  const bookmarks = [
    bookmarkFor('ilo', 'agency', 'International Labour Organization', {
      note: 'Forced labour',
      tags: ['ILO', 'labour'],
      foundAt: { url: 'https://www.ilo.org/global/topics/forced-labour', title: 'Forced labour', quote: 'ICAT and the ILO…' },
    }),
    bookmarkFor('icat-policy-paper-2-demand', 'publication', 'Preventing trafficking in persons by addressing demand', { tags: ['demand'] }),
  ];
  return JSON.parse(serializeBackup(validBackup(bookmarks))) as Json & { bookmarks: Json[]; settings: Json };
}

/** The valid backup's text after `change` edits its JSON object. */
const edit = (change: (b: ReturnType<typeof base>) => void) => () => {
  const b = base();
  change(b);
  return JSON.stringify(b, null, 2);
};

/** The valid backup's text with raw JSON spliced in after the first `{` of the part found by `after`. */
const splice = (after: string, raw: string) => () => {
  const text = JSON.stringify(base());
  const at = text.indexOf(after) + after.length;
  return `${text.slice(0, at)}${raw}${text.slice(at)}`;
};

const valid = () => serializeBackup(validBackup([]));

type Case = { name: string; file: string | (() => string) } & ({ error: string } | { ok: true });

const CASES: Case[] = [
  // Not a backup at all
  { name: 'an empty file', file: '', error: 'The file is empty' },
  { name: 'only white space', file: ' \r\n\t ', error: 'The file is empty' },
  { name: 'a RIS export', file: 'TY  - RPRT\r\nTI  - x\r\nER  - \r\n', error: 'it is not valid JSON' },
  { name: 'malformed JSON (unquoted key)', file: '{"format": "icat-lens-backup", version: 1}', error: 'it is not valid JSON' },
  { name: 'malformed JSON (trailing comma)', file: '{"format": "icat-lens-backup", "version": 1,}', error: 'it is not valid JSON' },
  { name: 'JSON cut in half', file: () => valid().slice(0, Math.floor(valid().length / 2)), error: 'The file ends too early' },
  { name: 'JSON cut inside a string', file: () => serializeBackup(validBackup()).slice(0, 300), error: 'The file ends too early' },
  { name: 'a JSON list (a CSL-JSON export)', file: '[{"id": "x", "type": "report"}]', error: 'This file holds a list, not an ICAT Lens backup' },
  { name: 'a JSON string', file: '"icat-lens-backup"', error: 'it holds icat-lens-backup, not a backup' },
  { name: 'JSON null', file: 'null', error: 'it holds null' },
  { name: 'the dataset file', file: () => readFileSync(resolve('assets/data/icat-library.json'), 'utf8'), error: 'This file is an ICAT library dataset, not an ICAT Lens backup' },
  { name: 'no format', file: edit((b) => delete b.format), error: 'it has no "format" field' },
  { name: 'another format', file: edit((b) => (b.format = 'zotero-backup')), error: 'its format is "zotero-backup", not "icat-lens-backup"' },

  // Versions
  { name: 'a newer version', file: edit((b) => (b.version = 3)), error: 'This file is an ICAT Lens backup of version 3; this version of ICAT Lens reads version 1.' },
  { name: 'version as text', file: edit((b) => (b.version = '1')), error: 'This ICAT Lens backup has no valid version number (1)' },
  { name: 'no version', file: edit((b) => delete b.version), error: 'no valid version number (none)' },
  { name: 'version 0', file: edit((b) => (b.version = 0)), error: 'no valid version number (0)' },

  // Missing fields, wrong types, unknown fields
  { name: 'no bookmarks', file: edit((b) => delete (b as Json).bookmarks), error: 'The list of bookmarks is missing' },
  { name: 'bookmarks not a list', file: edit((b) => ((b as Json).bookmarks = { ilo: {} })), error: 'The list of bookmarks is not a list' },
  { name: 'a bookmark that is null', file: edit((b) => (b.bookmarks[1] = null as never)), error: 'Bookmark 2 is not a bookmark (an object with id, itemId, title, …) but null' },
  { name: 'a bookmark without a title', file: edit((b) => delete b.bookmarks[1]!.title), error: 'Bookmark 2: the title is missing' },
  { name: 'a title that is a number', file: edit((b) => (b.bookmarks[0]!.title = 42)), error: 'Bookmark 1: the title is not text' },
  { name: 'a blank title', file: edit((b) => (b.bookmarks[0]!.title = '   ')), error: 'Bookmark 1: the title is empty' },
  { name: 'an unknown kind of item', file: edit((b) => (b.bookmarks[0]!.itemKind = 'book')), error: 'Bookmark 1: the kind of item is not one of publication, event, agency, term, person (book)' },
  { name: 'an item id that is not a library id', file: edit((b) => (b.bookmarks[0]!.itemId = 'ILO Geneva')), error: 'Bookmark 1: the library item id is not a library id like "icat-policy-paper-2-demand" (ILO Geneva)' },
  { name: 'a bookmark id with spaces', file: edit((b) => (b.bookmarks[0]!.id = 'a b')), error: 'Bookmark 1: the bookmark id is not a bookmark id' },
  { name: 'tags not a list', file: edit((b) => (b.bookmarks[0]!.tags = 'ILO, labour')), error: 'Bookmark 1: the list of tags is not a list' },
  { name: 'a tag that is a number', file: edit((b) => (b.bookmarks[0]!.tags = ['ILO', 7])), error: 'Bookmark 1: tag 2 is not text' },
  { name: 'an empty tag', file: edit((b) => (b.bookmarks[0]!.tags = ['ILO', ' '])), error: 'Bookmark 1: tag 2 is empty' },
  { name: 'too many tags', file: edit((b) => (b.bookmarks[0]!.tags = Array.from({ length: 51 }, (_, i) => `t${i}`))), error: 'Bookmark 1: the list of tags has 51 tags; a bookmark has at most 50' },
  { name: 'a tag over the limit', file: edit((b) => (b.bookmarks[0]!.tags = ['x'.repeat(61)])), error: 'Bookmark 1: tag 1 is longer than 60 characters (it has 61)' },
  { name: 'a page without its quote', file: edit((b) => delete (b.bookmarks[0]!.foundAt as Json).quote), error: 'Bookmark 1: the quoted text is missing' },
  { name: 'an unknown top-level field', file: edit((b) => (b.theme = 'dark')), error: 'The backup has an unknown field "theme"' },
  { name: 'an unknown bookmark field', file: edit((b) => (b.bookmarks[1]!.color = 'red')), error: 'Bookmark 2 has an unknown field "color"' },
  { name: 'an unknown page field', file: edit((b) => ((b.bookmarks[0]!.foundAt as Json).html = '<p>')), error: 'Bookmark 1: the page where it was found has an unknown field "html"' },
  { name: 'an unknown settings field', file: edit((b) => (b.settings.fontSize = 12)), error: 'The settings have an unknown field "fontSize"' },
  { name: 'an unknown theme', file: edit((b) => (b.settings.theme = 'purple')), error: 'The settings: the theme is not one of system, light, dark (purple)' },
  { name: 'settings from a newer version', file: edit((b) => (b.settings.version = 9)), error: 'The settings: the settings version is 9, from a newer ICAT Lens' },
  { name: 'settings that are a string', file: edit((b) => (b.settings = 'dark' as never)), error: 'The settings are not settings' },
  { name: 'a dataset version that is a number', file: edit((b) => (b.datasetVersion = 42)), error: 'The dataset version is not text or null' },
  { name: 'a disabled site that is a URL', file: edit((b) => (b.disabledSites = ['http://x.org/'])), error: 'Site 1 in the list of sites where ICAT Lens is off is not a site name like "example.org" (http://x.org/)' },

  // Dates
  { name: 'a creation time as text', file: edit((b) => (b.bookmarks[0]!.createdAt = '2026-11-30')), error: 'Bookmark 1: the creation time is not a time (a number of milliseconds since 1970)' },
  { name: 'a negative timestamp', file: edit((b) => (b.bookmarks[0]!.createdAt = -5)), error: 'Bookmark 1: the creation time is a negative time (-5), before 1970' },
  { name: 'a fractional timestamp', file: edit((b) => (b.bookmarks[1]!.updatedAt = 1.5)), error: 'Bookmark 2: the time of the last change is not a whole number of milliseconds (1.5)' },
  { name: 'a timestamp past the end of time', file: edit((b) => (b.bookmarks[0]!.updatedAt = 1e16)), error: 'is not a date ICAT Lens can read' },
  { name: 'changed before it was created', file: edit((b) => ((b.bookmarks[0]!.createdAt = 2_000_000_000_000), (b.bookmarks[0]!.updatedAt = 1_000_000_000_000))), error: 'Bookmark 1: its last change (2001-09-09T01:46:40.000Z) is before its creation (2033-05-18T03:33:20.000Z)' },
  { name: 'an export date in words', file: edit((b) => (b.exportedAt = 'yesterday')), error: 'The export date is not a date and time like 2026-11-30T09:15:00.000Z (yesterday)' },
  { name: 'an export date that does not exist', file: edit((b) => (b.exportedAt = '2026-02-30T10:00:00.000Z')), error: 'The export date is not a date and time' },

  // Addresses
  { name: 'a javascript: address', file: edit((b) => ((b.bookmarks[0]!.foundAt as Json).url = 'javascript:alert(document.cookie)')), error: 'Bookmark 1: the page address is not a web address (javascript:alert(document.cookie))' },
  { name: 'a data: address', file: edit((b) => ((b.bookmarks[0]!.foundAt as Json).url = 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')), error: 'Bookmark 1: the page address is not a web address (data:text/html;base64,PHNjcmlwdD5hbGVydC…)' },
  { name: 'a mixed-case javascript: address', file: edit((b) => ((b.bookmarks[0]!.foundAt as Json).url = 'JavaScript:void(0)')), error: 'is not a web address (JavaScript:void(0))' },
  { name: 'a relative address', file: edit((b) => ((b.bookmarks[0]!.foundAt as Json).url = '/news/icat')), error: 'is not a web address (/news/icat)' },

  // Sizes
  { name: 'a huge title', file: edit((b) => (b.bookmarks[0]!.title = 'x'.repeat(1_000_001))), error: 'Bookmark 1: the title is longer than 1,000 characters (it has 1,000,001)' },
  { name: 'a note over the limit', file: edit((b) => (b.bookmarks[1]!.note = 'n'.repeat(20_001))), error: 'Bookmark 2: the note is longer than 20,000 characters (it has 20,001)' },
  { name: 'a page address over the limit', file: edit((b) => ((b.bookmarks[0]!.foundAt as Json).url = `https://x.org/${'a'.repeat(2_000)}`)), error: 'Bookmark 1: the page address is longer than 2,000 characters' },
  {
    name: '100,001 bookmarks',
    file: edit((b) => (b.bookmarks = Array.from({ length: 100_001 }, (_, i) => ({ ...b.bookmarks[1]!, id: `b${i}`, itemId: `item-${i}` })))),
    error: 'This backup holds 100,001 bookmarks; ICAT Lens reads at most 100,000.',
  },

  // Prototype pollution
  { name: '__proto__ at the top level', file: splice('{', '"__proto__": {"polluted": true},'), error: 'This file contains a field named "__proto__" (at the top level)' },
  { name: '__proto__ inside a bookmark', file: splice('"bookmarks":[{', '"__proto__": {"polluted": true},'), error: 'a field named "__proto__" (in bookmark 1)' },
  { name: '__proto__ inside a page', file: splice('"foundAt":{', '"__proto__": {"polluted": true},'), error: 'a field named "__proto__" (in bookmark 1: the page where it was found)' },
  { name: 'constructor.prototype at the top level', file: splice('{', '"constructor": {"prototype": {"polluted": true}},'), error: 'a field named "constructor" (at the top level)' },
  { name: 'prototype inside the settings', file: splice('"settings":{', '"prototype": {"polluted": true},'), error: 'a field named "prototype" (in the settings)' },
  { name: '__proto__ inside a tag list item', file: edit((b) => (b.bookmarks[0]!.tags = [JSON.parse('{"__proto__": {"polluted": true}}')])), error: 'a field named "__proto__" (in bookmark 1: tag 1)' },

  // Duplicates
  { name: 'two bookmarks with one id', file: edit((b) => (b.bookmarks[1]!.id = b.bookmarks[0]!.id)), error: 'Bookmark 2 has the same id as bookmark 1 ("3f1c2b7e-0000-4000-8000-' },
  { name: 'two bookmarks for one item', file: edit((b) => (b.bookmarks[1]!.itemId = 'ilo')), error: 'Bookmark 2 is a second bookmark for the same item as bookmark 1 (ilo); a backup holds one bookmark per item' },

  // Several problems at once
  { name: 'two problems', file: edit((b) => ((b.bookmarks[0]!.title = 1), (b.bookmarks[1]!.note = 2))), error: 'Bookmark 1: the title is not text (and 1 more problem in this file)' },

  // Accepted: text is text
  { name: 'HTML and script in a title and note (kept as text)', file: edit((b) => ((b.bookmarks[0]!.title = '<img src=x onerror=alert(1)><script>alert(1)</script>'), (b.bookmarks[0]!.note = '<a href="javascript:alert(1)">x</a>'))), ok: true },
  { name: 'the words __proto__ and constructor as values', file: edit((b) => ((b.bookmarks[0]!.tags = ['__proto__', 'constructor', 'prototype']), (b.bookmarks[0]!.note = '{"__proto__": 1}'))), ok: true },
  { name: 'a null dataset version and no disabled sites', file: edit((b) => ((b.datasetVersion = null), (b.disabledSites = []))), ok: true },
];

describe('parseBackup refuses bad files with a specific message', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('prototype');
  });

  it('has a case for every kind of bad file the brief lists (at least 30)', () => {
    expect(CASES.filter((c) => 'error' in c).length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name', (c) => {
    const text = typeof c.file === 'string' ? c.file : c.file();
    const result = parseBackup(text);
    if ('ok' in c) {
      expect(result.ok ? 'ok' : result.error).toBe('ok');
      return;
    }
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(c.error);
  });
});
