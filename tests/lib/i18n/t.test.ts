import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, pluralKey, t, tParts, uiLanguage, type MessageKey } from '@/lib/i18n/t';

const ROOT = resolve(__dirname, '../../..');
const LOCALES = ['en', 'fr', 'es'] as const;

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
const catalogue = (lang: string): Record<string, Entry> =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, Entry>;
const en = catalogue('en');

/** Referenced by the manifest (`__MSG_key__`), not by code. */
const MANIFEST_KEYS = ['extName', 'extDescription', 'commandOpenMentionsList'];
/**
 * Written for components this change could not edit (components/SearchPanel.tsx, entrypoints/popup/PopupApp.tsx):
 * allowed to be unused until they call them.
 */
const PENDING_KEYS: string[] = [];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('t', () => {
  it('falls back to the bundled English where browser.i18n is not implemented (the unit tests’ fake browser)', () => {
    expect(() => fakeBrowser.i18n.getMessage('save')).toThrow();
    expect(t('save')).toBe('Save');
    expect(t('kindAgency')).toBe('Agency');
  });

  it('falls back to English when the browser has no message for the key', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(t('close')).toBe('Close');
  });

  it('uses the browser’s message, passing the substitutions on', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Impossible d’ouvrir la bibliothèque : boom');
    expect(t('libraryOpenFailed', 'boom')).toBe('Impossible d’ouvrir la bibliothèque : boom');
    expect(getMessage).toHaveBeenCalledWith('libraryOpenFailed', 'boom');
  });

  it('fills named placeholders from one substitution or several, in their order', () => {
    expect(t('libraryOpenFailed', 'disk full')).toBe('The library could not be opened: disk full');
    expect(t('libraryOpenFailed', ['disk full'])).toBe('The library could not be opened: disk full');
    expect(t('filterShowing', ['2', '3'])).toBe('Showing 2 of 3');
    expect(t('tagRemoveAria', ['policy', 'A paper'])).toBe('Remove tag policy from A paper');
    // A missing substitution is empty, as in Chrome; substituted text is not read again for placeholders.
    expect(t('filterShowing', ['2'])).toBe('Showing 2 of ');
    expect(t('searchNoResults', '$1 $QUERY$')).toBe('Nothing in the library matches “$1 $QUERY$”.');
  });

  it('follows Chrome’s rules for $1..$9 in the message and $$', () => {
    expect(formatMessage({ message: 'Costs $$5 for $1, $2 and $3' }, ['a', 'b'])).toBe('Costs $5 for a, b and ');
    expect(
      formatMessage({ message: 'From $FROM$ to $To$', placeholders: { from: { content: '$2' }, to: { content: '$1' } } }, ['x', 'y']),
    ).toBe('From y to x');
  });

  it('splits a message around its substitutions so elements can sit in it', () => {
    const site = { element: 'example.org' };
    expect(tParts('cardDisableOn', [site])).toEqual(['Disable on ', site]);
    const [q, tag] = [{ q: 1 }, { tag: 2 }];
    expect(tParts('savedNoMatchQueryAndTag', [q, tag])).toEqual(['Nothing saved matches “', q, '” with the tag “', tag, '”.']);
  });
});

describe('uiLanguage and pluralKey', () => {
  /** The browser as if it had picked `lang`'s messages.json. */
  const browserIn = (lang: string) => {
    const messages = catalogue(lang);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => messages[name]?.message ?? '');
  };

  it('is the language of the messages the browser picked, English outside an extension', () => {
    expect(uiLanguage()).toBe('en'); // not implemented in the fake browser
    for (const lang of LOCALES) {
      browserIn(lang);
      expect(uiLanguage()).toBe(lang);
      expect(t('close')).toBe(catalogue(lang).close!.message);
    }
  });

  it('chooses _one or _other by the UI language’s plural rule', () => {
    expect(pluralKey('mentionCount', 1)).toBe('mentionCount_one');
    expect(pluralKey('mentionCount', 0)).toBe('mentionCount_other');
    expect(pluralKey('mentionCount', 2)).toBe('mentionCount_other');
    expect(t(pluralKey('mentionCount', 1), '1')).toBe('1 mention');
    browserIn('fr');
    expect(pluralKey('mentionCount', 0)).toBe('mentionCount_one'); // « 0 mention » in French
    expect(pluralKey('mentionCount', 1)).toBe('mentionCount_one');
    expect(pluralKey('mentionCount', 2)).toBe('mentionCount_other');
    browserIn('es');
    expect(pluralKey('mentionCount', 0)).toBe('mentionCount_other'); // « 0 menciones »
  });

  it('has each catalogue name its own language', () => {
    for (const lang of LOCALES) expect(catalogue(lang).languageCode!.message).toBe(lang);
  });
});

describe('the message catalogues', () => {
  const placeholderNames = (entry: Entry) => Object.keys(entry.placeholders ?? {}).sort();
  const tokens = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

  it.each(LOCALES)('%s has exactly the English keys, each with a message and the same placeholders', (lang) => {
    const messages = catalogue(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.message, `${key}: no outer spaces (Chrome keeps them, other tools trim)`).toBe(entry.message.trim());
      expect(placeholderNames(entry), key).toEqual(placeholderNames(en[key]!));
      for (const name of placeholderNames(entry)) {
        expect(entry.placeholders![name]!.content, `${key}.${name}`).toBe(en[key]!.placeholders![name]!.content);
      }
      // Every placeholder appears in the message, and the message names no undeclared one.
      expect([...new Set(tokens(entry.message))], key).toEqual(placeholderNames(entry));
    }
  });

  it('pairs every plural message: <base>_one with <base>_other', () => {
    const keys = Object.keys(en);
    for (const key of keys.filter((k) => k.endsWith('_one'))) expect(keys, key).toContain(key.replace(/_one$/, '_other'));
    for (const key of keys.filter((k) => k.endsWith('_other'))) expect(keys, key).toContain(key.replace(/_other$/, '_one'));
  });

  it.each(LOCALES)('%s keeps the manifest strings within the stores’ limits', (lang) => {
    const messages = catalogue(lang);
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('uses French typography: a no-break space before : ; ? ! and inside « », and ’ for the apostrophe', () => {
    for (const [key, entry] of Object.entries(catalogue('fr'))) {
      expect(entry.message, key).not.toMatch(/ [:;?!»]|« /);
      expect(entry.message, key).not.toMatch(/\S[;?!»]|«\S/u);
      expect(entry.message, key).not.toContain("'");
    }
  });

  it('bundles the same English as public/_locales/en (one source of English strings)', () => {
    for (const key of Object.keys(en)) {
      if (en[key]!.placeholders) continue;
      expect(t(key as MessageKey), key).toBe(en[key]!.message);
    }
  });
});

describe('the code and the catalogue agree', () => {
  const SOURCE_DIRS = ['components', 'entrypoints', 'lib'];
  const sources = SOURCE_DIRS.flatMap((dir) => walk(join(ROOT, dir)))
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));

  it('calls t, tParts and pluralKey only with keys the catalogue has', () => {
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const [, fn, key] of text.matchAll(/\b(t|tParts|pluralKey)\(\s*'([^']+)'/g)) {
        const known = fn === 'pluralKey' ? `${key}_one` in en && `${key}_other` in en : key! in en;
        if (!known) missing.push(`${file}: ${fn}('${key}')`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses every message (apart from the manifest’s, and those waiting for the search panel and popup)', () => {
    const literals = new Set<string>();
    for (const { text } of sources) {
      for (const [, key] of text.matchAll(/['"`]([A-Za-z][A-Za-z0-9_]*)['"`]/g)) literals.add(key!);
      for (const [, base] of text.matchAll(/\bpluralKey\(\s*'([^']+)'/g)) literals.add(`${base}_one`).add(`${base}_other`);
    }
    const unused = Object.keys(en).filter((key) => !literals.has(key) && !MANIFEST_KEYS.includes(key) && !PENDING_KEYS.includes(key));
    expect(unused).toEqual([]);
  });

  it('names only known messages in the manifest (__MSG_key__)', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const named = [...config.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
    expect(named.filter((key) => !(key in en))).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
