import { describe, expect, it } from 'vitest';
import type { Bookmark } from '@/lib/db/records';
import {
  BACKUP_FORMAT,
  createBackup,
  findForbiddenKey,
  isIsoDateTime,
  isWebUrl,
  looksTruncated,
  parseBackup,
  planImport,
  serializeBackup,
  validateBackup,
} from '@/lib/export/backup';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { bookmarkFor, realLookingBookmarks, SETTINGS, validBackup } from './fixtures';

describe('backup round trip', () => {
  it('restores exactly the bookmarks, settings and sites it saved: accents, quotes, emoji, RTL, HTML, long notes', () => {
    const bookmarks = realLookingBookmarks();
    const backup = validBackup(bookmarks);
    const parsed = parseBackup(serializeBackup(backup));
    expect(parsed).toStrictEqual({ ok: true, backup });
    if (!parsed.ok) return;
    expect(parsed.backup.bookmarks).toStrictEqual(bookmarks);
    expect(parsed.backup.settings).toStrictEqual(SETTINGS);
    expect(parsed.backup).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: '2026-11-30T09:15:00.000Z', datasetVersion: '2026.11.30-1' });
  });

  it('copies bookmarks with exactly the Bookmark fields (a stray property would make the file unreadable)', () => {
    const [first] = realLookingBookmarks();
    const withStray = { ...first!, stray: 1 } as Bookmark;
    const backup = validBackup([withStray]);
    expect(Object.keys(backup.bookmarks[0]!)).not.toContain('stray');
    expect(parseBackup(serializeBackup(backup)).ok).toBe(true);
  });

  it('reads a file with a byte-order mark or re-indented with CRLF line ends', () => {
    const text = serializeBackup(validBackup());
    expect(parseBackup(`\uFEFF${text}`).ok).toBe(true);
    expect(parseBackup(text.replace(/\n/g, '\r\n')).ok).toBe(true);
    expect(parseBackup(JSON.stringify(JSON.parse(text))).ok).toBe(true);
  });

  it('reads an empty backup', () => {
    expect(parseBackup(serializeBackup(validBackup([])))).toMatchObject({ ok: true, backup: { bookmarks: [] } });
  });

  it('migrates settings of an older settings version', () => {
    const backup = JSON.parse(serializeBackup(validBackup())) as Record<string, unknown>;
    backup.settings = { version: 1, theme: 'light' };
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed).toMatchObject({ ok: true, backup: { settings: { ...DEFAULT_SETTINGS, theme: 'light' } } });
  });

  it('feeds planImport: restoring a backup over the same bookmarks changes nothing', () => {
    const bookmarks = realLookingBookmarks();
    const parsed = parseBackup(serializeBackup(validBackup(bookmarks)));
    if (!parsed.ok) throw new Error(parsed.error);
    // The one bookmark with un-normalised tags is tidied on the way in; everything else is unchanged.
    const plan = planImport(bookmarks, parsed.backup.bookmarks);
    expect(plan.add).toEqual([]);
    expect(plan.merge.map((m) => m.current.itemId)).toEqual(['icat-issue-brief-99']);
    expect(plan.merge[0]!.result.tags).toEqual(['spaced tag', 'Émigré', '🏳️‍🌈']);
    expect(plan.unchanged).toBe(bookmarks.length - 1);
  });
});

describe('backup helpers', () => {
  it('accepts only http(s) web addresses', () => {
    expect(isWebUrl('https://icat.un.org/about')).toBe(true);
    expect(isWebUrl('HTTP://EXAMPLE.ORG')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<p>', 'JaVaScRiPt:alert(1)', ' https://x.org', 'https://', 'file:///etc/passwd', 'ftp://x.org', 'https://a b.org', '//x.org']) {
      expect(isWebUrl(bad), bad).toBe(false);
    }
  });

  it('accepts ISO dates and times that exist', () => {
    expect(isIsoDateTime('2026-11-30T09:15:00.000Z')).toBe(true);
    expect(isIsoDateTime('2024-02-29T23:59:59+05:30')).toBe(true);
    for (const bad of ['2026-11-30', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-30T24:00:00Z', 'yesterday', '2026-11-30 09:15:00Z']) {
      expect(isIsoDateTime(bad), bad).toBe(false);
    }
  });

  it('finds prototype-polluting keys anywhere, without recursion', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'))).toEqual({ key: '__proto__', path: ['a', 0, 'b'] });
    expect(findForbiddenKey(JSON.parse('{"a":{"constructor":{"prototype":{}}}}'))).toEqual({ key: 'constructor', path: ['a'] });
    expect(findForbiddenKey({ title: '__proto__', tags: ['constructor', 'prototype'] })).toBeNull();
    const deep = JSON.parse(`${'['.repeat(100_000)}{"prototype":1}${']'.repeat(100_000)}`) as unknown;
    expect(findForbiddenKey(deep)?.key).toBe('prototype');
  });

  it('tells truncated JSON from other broken JSON', () => {
    expect(looksTruncated('{"a": [1, 2')).toBe(true);
    expect(looksTruncated('{"a": "unfinished')).toBe(true);
    expect(looksTruncated('{"a": "with \\" escaped quote and } brace')).toBe(true);
    expect(looksTruncated('{"a": 1}}')).toBe(false);
    expect(looksTruncated('TY  - RPRT')).toBe(false);
  });

  it('validateBackup checks a backup before it is offered for download', () => {
    const backup = validBackup();
    expect(validateBackup(JSON.parse(serializeBackup(backup)))).toStrictEqual({ ok: true, backup });
    const tooLong = validBackup([bookmarkFor('ilo', 'agency', 'ILO', { note: 'x'.repeat(20_001) })]);
    expect(validateBackup(JSON.parse(serializeBackup(tooLong)))).toEqual({ ok: false, error: 'Bookmark 1: the note is longer than 20,000 characters (it has 20,001)' });
  });
});
