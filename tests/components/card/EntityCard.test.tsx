import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityCard, type EntityCardProps } from '@/components/card/EntityCard';
import { allowUntrustedEventsForTests } from '@/components/card/trusted';
import type { Term } from '@/lib/data/schema';
import type { EntityDetails } from '@/lib/library/entity';
import { getEntityDetails } from '@/lib/library/entity-details';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { bundledDataset } from '../../helpers/bundled-matcher';

const source = memoryRecordSource(bundledDataset());
async function details(id: string): Promise<EntityDetails> {
  const found = await getEntityDetails(source, id);
  if (!found) throw new Error(`no record ${id} in the bundled dataset`);
  return found;
}

let unodc: EntityDetails;
let traffickingTerm: EntityDetails;
let demandPaper: EntityDetails;
let unverifiedPaper: EntityDetails;
let blueHeart: EntityDetails;
beforeAll(async () => {
  [unodc, traffickingTerm, demandPaper, unverifiedPaper, blueHeart] = await Promise.all([
    details('unodc'),
    details('trafficking-in-persons'),
    details('icat-policy-paper-2-demand'),
    details('icat-ib01-tip-vs-som'),
    details('blue-heart'),
  ]);
});

const noRelations: EntityDetails['related'] = { publications: [], events: [], agencies: [], people: [], terms: [] };

/** A term record built here, for shapes the bundled dataset does not have (Arabic text, bad URLs). */
function syntheticTerm(overrides: Partial<Term>): EntityDetails {
  const record: Term = {
    id: 'synthetic-term',
    kind: 'term',
    name: { en: 'Synthetic term' },
    description: 'A term made up for this test.',
    forms: [],
    publications: [],
    sources: ['https://icat.un.org/'],
    notes: [],
    ...overrides,
  };
  return {
    entity: { kind: 'term', record },
    summary: { id: record.id, kind: 'term', title: record.name.en },
    related: noRelations,
  };
}

function renderCard(overrides: Partial<EntityCardProps> = {}) {
  const props: EntityCardProps = {
    state: { status: 'ready', details: unodc },
    saved: new Set(),
    bookmarks: { available: true },
    siteName: 'www.example.org',
    onToggleBookmark: vi.fn(),
    onOpenRecord: vi.fn(),
    onDisableSite: vi.fn(),
    onOpenSettings: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  const view = render(<EntityCard {...props} />);
  return { ...view, props, card: screen.getByRole('dialog') };
}

// happy-dom creates events without isTrusted, so trusted() would drop every fireEvent: allow them here,
// except in the test that checks untrusted events are ignored.
beforeEach(() => allowUntrustedEventsForTests(true));
afterEach(() => allowUntrustedEventsForTests(false));

describe('EntityCard states', () => {
  it('shows the name and kind while loading, and no record actions yet', () => {
    const { card } = renderCard({ state: { status: 'loading', name: 'UNODC', kind: 'agency' } });
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('heading', { name: 'UNODC' })).toBeTruthy();
    expect(within(card).getByText('Agency')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Looking this up/);
    expect(screen.queryByRole('button', { name: 'Open in library' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
  });

  it('shows an error as an alert, described by the dialog', () => {
    const { card } = renderCard({ state: { status: 'error', message: 'The library is not ready.' } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The library is not ready.');
    expect(card.getAttribute('aria-describedby')).toBe(alert.id);
  });
});

describe('EntityCard for an agency (UNODC, from the bundled dataset)', () => {
  it('is a dialog labelled by its heading and described by the description', () => {
    const { card } = renderCard();
    const heading = screen.getByRole('heading', { level: 2, name: 'United Nations Office on Drugs and Crime' });
    expect(card.getAttribute('aria-labelledby')).toBe(heading.id);
    const description = document.getElementById(card.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe((unodc.entity.record as { description: string }).description);
    expect(within(card).getByText('Agency')).toBeTruthy();
    expect(within(card).getByText('UNODC')).toBeTruthy();
  });

  it('lists the newest ICAT papers and events, with year and city, and links to the rest', () => {
    renderCard();
    const papers = screen.getByRole('region', { name: 'ICAT papers' });
    const newest = unodc.related.publications[0]!;
    const firstPaper = within(papers).getAllByRole('listitem')[0]!;
    expect(firstPaper.textContent).toContain(newest.title);
    expect(firstPaper.textContent).toContain(newest.date!.slice(0, 4));
    expect(within(papers).getAllByRole('listitem')).toHaveLength(5);
    expect(within(papers).getByRole('button', { name: `All ${unodc.related.publications.length} papers in the library` })).toBeTruthy();

    const events = screen.getByRole('region', { name: 'ICAT events' });
    const withCity = unodc.related.events.slice(0, 5).find((e) => e.city)!;
    expect(within(events).getByText(new RegExp(`${withCity.date!.slice(0, 4)} · ${withCity.city}`))).toBeTruthy();
    expect(screen.queryByText(/No ICAT papers or events/)).toBeNull();
  });

  it('links the first source in a new tab, without opener or referrer', () => {
    const { card } = renderCard();
    const links = card.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://icat.un.org/about');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('offers Save on its papers and events but not on the agency itself', () => {
    renderCard();
    expect(screen.queryByRole('button', { name: /^Save: United Nations Office/ })).toBeNull();
    const newest = unodc.related.publications[0]!;
    expect(screen.getByRole('button', { name: `Save: ${newest.title}` }).getAttribute('aria-pressed')).toBe('false');
  });

  it('shows its note on where sources differ', () => {
    renderCard();
    expect(screen.getByText(/Spanish texts officially use UNODC/)).toBeTruthy();
  });
});

describe('EntityCard for terms and papers', () => {
  it('shows a term with its kind and the papers that concern it', () => {
    const { card } = renderCard({ state: { status: 'ready', details: traffickingTerm } });
    expect(screen.getByRole('heading', { name: 'Trafficking in persons' })).toBeTruthy();
    expect(within(card).getByText('Term')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'ICAT papers' })).getByText(traffickingTerm.related.publications[0]!.title)).toBeTruthy();
  });

  it('shows an unsaved paper with a Save toggle and its launch event', () => {
    const { props } = renderCard({ state: { status: 'ready', details: demandPaper } });
    const own = screen.getByRole('button', { name: `Save: ${demandPaper.summary.title}` });
    expect(own.textContent).toBe('Save');
    expect(own.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(own);
    expect(props.onToggleBookmark).toHaveBeenCalledWith('icat-policy-paper-2-demand');
    expect(screen.getByText('Policy paper 2 · 2014')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'ICAT events' })).getByText('2014 · Vienna')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Terms' })).getByRole('button', { name: 'Demand (that fosters exploitation)' })).toBeTruthy();
  });

  it('shows a saved paper as Saved, pressed', () => {
    renderCard({ state: { status: 'ready', details: demandPaper }, saved: new Set(['icat-policy-paper-2-demand']) });
    const own = screen.getByRole('button', { name: `Saved: ${demandPaper.summary.title}` });
    expect(own.textContent).toBe('Saved');
    expect(own.getAttribute('aria-pressed')).toBe('true');
  });

  it('says when a paper title is not verified', () => {
    renderCard({ state: { status: 'ready', details: unverifiedPaper } });
    expect(screen.getByText(/Title not verified/)).toBeTruthy();
  });

  it('disables the bookmark toggles and says why when bookmarks are unavailable', () => {
    const reason = 'Bookmarks are unavailable: the browser does not allow IndexedDB here';
    renderCard({ state: { status: 'ready', details: demandPaper }, bookmarks: { available: false, reason } });
    const toggles = screen.getAllByRole('button', { name: /^Save: / });
    expect(toggles.length).toBeGreaterThan(1);
    for (const toggle of toggles) {
      expect((toggle as HTMLButtonElement).disabled).toBe(true);
      expect(toggle.getAttribute('title')).toBe(reason);
      expect(document.getElementById(toggle.getAttribute('aria-describedby')!)?.textContent).toBe(reason);
    }
  });

  it('says so when nothing ICAT published or held is linked', () => {
    renderCard({ state: { status: 'ready', details: blueHeart } });
    expect(screen.getByText('No ICAT papers or events are linked to this yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'ICAT papers' })).toBeNull();
  });
});

describe('EntityCard with difficult content', () => {
  it('keeps a very long title whole, and its styles wrap it inside a bounded, scrolling card', () => {
    const title = `${'Trafficking in persons in the context of '.repeat(20)}Supercalifragilistic${'x'.repeat(200)}`;
    renderCard({ state: { status: 'ready', details: syntheticTerm({ name: { en: title } }) } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(title);

    const css = readFileSync(resolve('components/card/card.css'), 'utf8');
    const root = /\.icat-root \{([^}]*)\}/.exec(css)![1]!;
    expect(root).toMatch(/overflow-wrap: anywhere/);
    expect(root).toMatch(/width: 360px/);
    expect(root).toMatch(/max-height:/);
    expect(/\.icat-card-body \{([^}]*)\}/.exec(css)![1]).toMatch(/overflow-y: auto/);
    expect(css).not.toMatch(/\d(r?em)\b/); // px only: the page's root font size must not scale the card
  });

  it('lets right-to-left text set its own direction', () => {
    const description = 'الاتجار بالأشخاص هو تجنيد أشخاص أو نقلهم بغرض استغلالهم.';
    const { card } = renderCard({
      state: { status: 'ready', details: syntheticTerm({ name: { en: 'الاتجار بالأشخاص' }, description }) },
    });
    const paragraph = screen.getByText(description);
    expect(paragraph.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('heading', { level: 2 }).getAttribute('dir')).toBe('auto');
    expect(card.getAttribute('aria-describedby')).toBe(paragraph.id);
  });

  it('never renders a javascript: source as a link', () => {
    const { card } = renderCard({
      state: { status: 'ready', details: syntheticTerm({ sources: ['javascript:alert(document.cookie)'] }) },
    });
    expect(card.querySelectorAll('a')).toHaveLength(0);
    expect(card.innerHTML).not.toContain('javascript:');
  });

  it('renders record text as text, never as markup', () => {
    const { card } = renderCard({
      state: { status: 'ready', details: syntheticTerm({ description: '<img src=x onerror="alert(1)">' }) },
    });
    expect(card.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
  });

  it('shows the first note and folds the others', () => {
    const notes = ['Sources give 2006 or 2007.', 'One source spells it differently.', 'The city is not confirmed.'];
    const { card } = renderCard({ state: { status: 'ready', details: syntheticTerm({ notes }) } });
    expect(screen.getByText(notes[0]!).closest('details')).toBeNull();
    const folded = card.querySelector('details')!;
    expect(folded.querySelector('summary')?.textContent).toBe('2 more notes');
    expect(within(folded as HTMLElement).getByText(notes[2]!)).toBeTruthy();
  });

  it('carries a forced theme on its root', () => {
    const { card } = renderCard({ theme: 'dark' });
    expect(card.getAttribute('data-theme')).toBe('dark');
  });
});

describe('EntityCard events', () => {
  it('calls back with the right ids', () => {
    const { props, card } = renderCard();
    const newestPaper = unodc.related.publications[0]!;
    const newestEvent = unodc.related.events[0]!;

    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${escapeRegExp(newestPaper.title)}`) }));
    expect(props.onOpenRecord).toHaveBeenLastCalledWith(newestPaper.id);
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${escapeRegExp(newestEvent.title)}`) }));
    expect(props.onOpenRecord).toHaveBeenLastCalledWith(newestEvent.id);
    fireEvent.click(screen.getByRole('button', { name: `Save: ${newestEvent.title}` }));
    expect(props.onToggleBookmark).toHaveBeenLastCalledWith(newestEvent.id);
    fireEvent.click(screen.getByRole('button', { name: /papers in the library$/ }));
    expect(props.onOpenRecord).toHaveBeenLastCalledWith('unodc');
    fireEvent.click(screen.getByRole('button', { name: 'Open in library' }));
    expect(props.onOpenRecord).toHaveBeenLastCalledWith('unodc');

    fireEvent.click(screen.getByRole('button', { name: 'Disable on www.example.org' }));
    expect(props.onDisableSite).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(card, { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('opens related people from their compact line', () => {
    const { props } = renderCard();
    const person = unodc.related.people[0]!;
    fireEvent.click(within(screen.getByRole('list', { name: 'People' })).getByRole('button', { name: person.title }));
    expect(props.onOpenRecord).toHaveBeenLastCalledWith(person.id);
  });

  it('ignores untrusted (synthetic) events and acts on trusted ones', () => {
    allowUntrustedEventsForTests(false);
    const { props } = renderCard({ state: { status: 'ready', details: demandPaper } });
    const buttons = [
      screen.getByRole('button', { name: 'Close' }),
      screen.getByRole('button', { name: 'Open in library' }),
      screen.getByRole('button', { name: `Save: ${demandPaper.summary.title}` }),
      screen.getByRole('button', { name: 'Disable on www.example.org' }),
      screen.getByRole('button', { name: 'Settings' }),
    ];
    for (const button of buttons) {
      fireEvent.click(button); // what a page script's element.click() looks like: isTrusted is not true
      button.dispatchEvent(withTrust(new MouseEvent('click', { bubbles: true }), false));
    }
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(props.onClose).not.toHaveBeenCalled();
    expect(props.onOpenRecord).not.toHaveBeenCalled();
    expect(props.onToggleBookmark).not.toHaveBeenCalled();
    expect(props.onDisableSite).not.toHaveBeenCalled();
    expect(props.onOpenSettings).not.toHaveBeenCalled();

    screen.getByRole('button', { name: 'Close' }).dispatchEvent(withTrust(new MouseEvent('click', { bubbles: true }), true));
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });
});

/** happy-dom cannot create a trusted event; this stands in for what the browser would dispatch. */
function withTrust<E extends Event>(event: E, isTrusted: boolean): E {
  Object.defineProperty(event, 'isTrusted', { value: isTrusted });
  return event;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
