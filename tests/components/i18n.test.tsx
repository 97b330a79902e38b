/**
 * The UI in French and Spanish: the other component tests run in English (the fake browser has no
 * browser.i18n, so t() falls back to the bundled English); these make the fake browser answer from
 * public/_locales/<lang>/messages.json as Chrome would.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatSavedDate } from '@/components/bookmarks/BookmarkItem';
import { MentionsList, type PageMention } from '@/components/card/MentionsList';
import { SiteSwitch } from '@/components/SiteSwitch';
import { formatPartialDate } from '@/components/library/format-date';
import { formatMessage } from '@/lib/i18n/t';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Chrome's getMessage over one locale's messages.json. */
function browserIn(lang: 'fr' | 'es') {
  const messages = JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, Entry>;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, substitutions?: string | (string | number)[]) => {
    const entry = messages[name];
    if (!entry) return '';
    return formatMessage(entry, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []).map(String));
  });
}

const mentions: PageMention[] = [
  { key: 'a', entityId: 'unodc', name: 'UNODC', kind: 'agency', snippet: '…', count: 3 },
  { key: 'b', entityId: 'tip', name: 'Trafficking in persons', kind: 'term', snippet: '…', count: 1 },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the UI in French', () => {
  it('labels the mentions list in French, with French plurals, and marks it lang="fr"', () => {
    browserIn('fr');
    render(<MentionsList mentions={mentions} onChoose={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByRole('dialog').getAttribute('lang')).toBe('fr');
    expect(screen.getByRole('heading').textContent).toBe('ICAT Lens\u00a0: sur cette page');
    const [first, second] = within(screen.getByRole('listbox', { name: 'Mentions sur cette page' })).getAllByRole('option');
    expect(first!.textContent).toContain('Organisme · 3 mentions');
    expect(second!.textContent).toContain('Terme · 1 mention');
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeTruthy();
  });

  it('names the switches in French', () => {
    browserIn('fr');
    render(<SiteSwitch site="example.org" siteEnabled globallyEnabled={false} onSiteChange={vi.fn()} onGlobalChange={vi.fn()} />);
    const site = screen.getByRole('switch', { name: 'ICAT Lens sur example.org' });
    expect(site.getAttribute('title')).toBe('ICAT Lens est désactivé partout.');
    expect(screen.getByRole('switch', { name: 'ICAT Lens partout' }).textContent).toBe('Désactivé');
  });

  it('writes dates the French way', () => {
    browserIn('fr');
    expect(formatPartialDate('2010-12-13')).toBe('13 décembre 2010');
    expect(formatPartialDate('2026-03-01')).toBe('1er mars 2026');
    expect(formatPartialDate('2012-05')).toBe('mai 2012');
    expect(formatSavedDate(new Date(2026, 1, 3).getTime())).toBe('3 févr. 2026');
  });
});

describe('the UI in Spanish', () => {
  it('writes dates the Spanish way', () => {
    browserIn('es');
    expect(formatPartialDate('2010-12-13')).toBe('13 de diciembre de 2010');
    expect(formatPartialDate('2012-05')).toBe('mayo de 2012');
    expect(formatPartialDate('2014')).toBe('2014');
  });

  it('counts mentions in Spanish', () => {
    browserIn('es');
    render(<MentionsList mentions={mentions} onChoose={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByRole('dialog').getAttribute('lang')).toBe('es');
    const [first, second] = screen.getAllByRole('option');
    expect(first!.textContent).toContain('Organismo · 3 menciones');
    expect(second!.textContent).toContain('Término · 1 mención');
  });
});
