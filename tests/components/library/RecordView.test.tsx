import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowUntrustedEventsForTests } from '@/components/card/trusted';
import { kindLabel } from '@/components/kind-labels';
import { RecordView, type RecordViewProps } from '@/components/library/RecordView';
import { parseRoute } from '@/components/library/route';
import { LibraryApp } from '@/entrypoints/library/LibraryApp';
import type { Term } from '@/lib/data/schema';
import type { Bookmark } from '@/lib/db/records';
import type { EntityDetails } from '@/lib/library/entity';
import { getEntityDetails } from '@/lib/library/entity-details';
import { LibraryError } from '@/lib/library/library-error';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { buildSearchFromSource } from '@/lib/search/library-search';
import { askBackground } from '@/lib/messaging/background-client';
import type { BackgroundRequest, BookmarkStates } from '@/lib/messaging/protocol';
import { bundledDataset } from '../../helpers/bundled-matcher';

// The library page talks to the background; here a stand-in answers from the bundled dataset.
vi.mock('@/lib/messaging/background-client', () => ({ askBackground: vi.fn() }));

const source = memoryRecordSource(bundledDataset());
async function details(id: string): Promise<EntityDetails> {
  const found = await getEntityDetails(source, id);
  if (!found) throw new Error(`no record ${id} in the bundled dataset`);
  return found;
}

/** One record of each kind from the bundled dataset. */
const RECORDS = {
  agency: 'unodc',
  publication: 'icat-policy-paper-2-demand',
  event: '2012-10-vienna-legal-frameworks-launch',
  person: 'hans-lundborg',
  term: 'trafficking-in-persons',
  instrument: 'tip-protocol',
  initiative: 'blue-heart',
} as const;
const loaded = new Map<string, EntityDetails>();
beforeAll(async () => {
  for (const id of Object.values(RECORDS)) loaded.set(id, await details(id));
});
const record = (id: string) => loaded.get(id)!;

function renderRecord(overrides: Partial<RecordViewProps> & { details: EntityDetails }) {
  const props: RecordViewProps = { saved: new Set(), bookmarks: { available: true }, onToggleBookmark: vi.fn(), ...overrides };
  const view = render(<RecordView {...props} />);
  return { ...view, props };
}

// The bookmark toggle is shared with the hover card and ignores untrusted events; happy-dom's are.
beforeEach(() => allowUntrustedEventsForTests(true));
afterEach(() => allowUntrustedEventsForTests(false));

describe('RecordView, for each kind of record', () => {
  for (const [kind, id] of Object.entries(RECORDS)) {
    it(`shows the ${kind} ${id} with every source and its related records as links`, () => {
      const shown = record(id);
      const { container } = renderRecord({ details: shown });
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(shown.summary.title);
      expect(container.querySelector('.record-kind .kind')?.textContent).toBe(kindLabel(kind));
      expect(screen.getByText(shown.entity.record.description)).toBeTruthy();

      const sources = within(screen.getByRole('region', { name: 'Sources' })).getAllByRole('link');
      expect(sources.map((a) => a.getAttribute('href'))).toEqual(shown.entity.record.sources);
      for (const link of sources) {
        expect(link.getAttribute('target')).toBe('_blank');
        expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      }

      const related = Object.values(shown.related).flat();
      for (const item of related) {
        expect(container.querySelector(`a[href="#/${item.kind}/${item.id}"]`), `${item.kind} ${item.id}`).not.toBeNull();
      }
    });
  }
});

describe('RecordView details', () => {
  it('gives an agency its names and acronyms in every language, and its forms by language', () => {
    renderRecord({ details: record('unodc') });
    const names = within(screen.getByRole('region', { name: 'Names' }));
    const french = names.getByRole('row', { name: /French/ });
    expect(french.textContent).toContain('Office des Nations Unies contre la drogue et le crime');
    expect(french.textContent).toContain('ONUDC');
    const forms = screen.getByRole('region', { name: 'Recognised on pages as' });
    const spanish = within(forms).getByText('Spanish').closest('.fact')!;
    expect(spanish.textContent).toContain('ONUDD');
    expect(screen.getByText(/co-chair in 2021, 2022 and 2025/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Where sources disagree' })).getByText(/Spanish texts officially use UNODC/)).toBeTruthy();
  });

  it('gives a paper its type, number and written-out date with its note', () => {
    renderRecord({ details: record('icat-policy-paper-2-demand') });
    const facts = document.querySelector('.facts') as HTMLElement;
    expect(within(facts).getByText('Policy paper')).toBeTruthy();
    expect(within(facts).getByText('2')).toBeTruthy();
    expect(within(facts).getByText(/October 2014/)).toBeTruthy();
    const launch = within(screen.getByRole('region', { name: /ICAT events/ })).getByRole('link');
    expect(launch.getAttribute('href')).toBe('#/event/2014-10-vienna-demand-paper-launch');
  });

  it('gives an event its date, city and participants with their roles', () => {
    const event = record('2012-10-vienna-legal-frameworks-launch');
    renderRecord({ details: event });
    expect(screen.getByText('October 2012')).toBeTruthy();
    expect(screen.getByText('Vienna')).toBeTruthy();
    const lundborg = screen.getAllByRole('link', { name: 'Hans Lundborg' }).find((a) => a.closest('.participants'))!;
    expect(lundborg.getAttribute('href')).toBe('#/person/hans-lundborg');
    const role = event.entity.kind === 'event' ? event.entity.record.participants.find((p) => p.person === 'hans-lundborg')!.role : '';
    expect(lundborg.closest('li')!.textContent).toContain(role);
  });

  it('shows a source that is not http(s) as text, never as a link', () => {
    const term: Term = {
      id: 'synthetic-term',
      kind: 'term',
      name: { en: 'Synthetic term', ar: 'مصطلح' },
      description: 'وصف باللغة العربية.',
      forms: [],
      publications: [],
      sources: ['javascript:alert(1)', 'https://icat.un.org/'],
      notes: [],
    };
    const { container } = renderRecord({
      details: {
        entity: { kind: 'term', record: term },
        summary: { id: term.id, kind: 'term', title: term.name.en },
        related: { publications: [], events: [], agencies: [], people: [], terms: [] },
      },
    });
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByText('javascript:alert(1)').tagName).toBe('SPAN');
    expect(within(screen.getByRole('region', { name: 'Sources' })).getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('وصف باللغة العربية.').getAttribute('dir')).toBe('auto');
    expect(within(screen.getByRole('region', { name: 'Names' })).getByText('مصطلح').getAttribute('lang')).toBe('ar');
  });

  it('saves the record and its papers and events through the toggle', () => {
    const paper = record('icat-policy-paper-2-demand');
    const { props } = renderRecord({ details: paper, saved: new Set(['2014-10-vienna-demand-paper-launch']) });
    fireEvent.click(screen.getByRole('button', { name: `Save: ${paper.summary.title}` }));
    expect(props.onToggleBookmark).toHaveBeenCalledWith('icat-policy-paper-2-demand');
    const saved = screen.getByRole('button', { name: /^Saved: Launch on the margins/ });
    expect(saved.getAttribute('aria-pressed')).toBe('true');
  });

  it('disables the toggles and says why when bookmarks are unavailable', () => {
    renderRecord({ details: record('unodc'), bookmarks: { available: false, reason: 'Bookmarks are unavailable here.' } });
    const own = screen.getByRole('button', { name: /^Save: United Nations Office/ }) as HTMLButtonElement;
    expect(own.disabled).toBe(true);
    expect(document.getElementById(own.getAttribute('aria-describedby')!)?.textContent).toBe('Bookmarks are unavailable here.');
  });
});

describe('library routes', () => {
  it('reads #/<kind>/<id>, the home and anything else', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/timeline')).toEqual({ page: 'timeline' });
    expect(parseRoute('#/agency/unodc')).toEqual({ page: 'record', kind: 'agency', id: 'unodc' });
    expect(parseRoute('#/publication/icat-policy-paper-2-demand')).toEqual({
      page: 'record',
      kind: 'publication',
      id: 'icat-policy-paper-2-demand',
    });
    expect(parseRoute('#/spaceship/unodc')).toEqual({ page: 'not-found', path: '/spaceship/unodc' });
    expect(parseRoute('#/agency/<script>')).toEqual({ page: 'not-found', path: '/agency/<script>' });
    expect(parseRoute('#/constructor/x')).toEqual({ page: 'not-found', path: '/constructor/x' });
  });
});

describe('LibraryApp', () => {
  let states: BookmarkStates;
  let saved: Set<string>;
  const background = vi.mocked(askBackground);

  beforeEach(() => {
    saved = new Set();
    states = { available: true, saved: [] };
    background.mockReset();
    background.mockImplementation((async (request: BackgroundRequest) => {
      switch (request.type) {
        case 'get-entity': {
          const found = await getEntityDetails(source, request.id);
          if (!found) throw new LibraryError('not-found', `No library record has the id "${request.id}".`);
          return found;
        }
        case 'search':
          return (await buildSearchFromSource(source)).search(request.query, request);
        case 'get-bookmark-states':
          return states.available ? { available: true, saved: request.itemIds.filter((id) => saved.has(id)) } : states;
        case 'save-bookmark':
          saved.add(request.itemId);
          return { itemId: request.itemId } as Bookmark;
        case 'remove-bookmark':
          return { removed: saved.delete(request.itemId) };
        default:
          throw new Error(`unexpected ${request.type}`);
      }
    }) as typeof askBackground);
  });
  afterEach(() => {
    window.location.hash = '';
  });

  const go = (hash: string) => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };

  it('searches from the home page, each result a link to its record', async () => {
    go('#/');
    render(<LibraryApp />);
    expect(screen.getByRole('heading', { level: 1, name: 'The ICAT library' })).toBeTruthy();
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'addressing demand' } });
    const result = await screen.findByRole('link', { name: /Preventing trafficking in persons by addressing demand/i });
    expect(result.getAttribute('href')).toBe('#/publication/icat-policy-paper-2-demand');
  });

  it('follows the hash to a record, focuses its heading and fetches its bookmark states', async () => {
    go('#/');
    render(<LibraryApp />);
    go('#/agency/unodc');
    const heading = await screen.findByRole('heading', { level: 1, name: 'United Nations Office on Drugs and Crime' });
    await waitFor(() => expect(document.activeElement).toBe(heading)); // effects run after paint
    expect(document.title).toBe('United Nations Office on Drugs and Crime · ICAT Lens library');
    await waitFor(() => expect(background).toHaveBeenCalledWith(expect.objectContaining({ type: 'get-bookmark-states' })));
    const asked = background.mock.calls.find(([r]) => r.type === 'get-bookmark-states')![0] as { itemIds: string[] };
    expect(asked.itemIds[0]).toBe('unodc');
  });

  it('saves and removes a bookmark through the background', async () => {
    go('#/publication/icat-policy-paper-2-demand');
    render(<LibraryApp />);
    const save = await screen.findByRole('button', { name: /^Save: Preventing trafficking/ });
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(save);
    const savedToggle = await screen.findByRole('button', { name: /^Saved: Preventing trafficking/ });
    expect(background).toHaveBeenCalledWith({ type: 'save-bookmark', itemId: 'icat-policy-paper-2-demand' });
    fireEvent.click(savedToggle);
    await screen.findByRole('button', { name: /^Save: Preventing trafficking/ });
    expect(background).toHaveBeenCalledWith({ type: 'remove-bookmark', itemId: 'icat-policy-paper-2-demand' });
  });

  it('says why bookmarks are unavailable', async () => {
    states = { available: false, reason: 'Bookmarks are unavailable: the browser does not allow IndexedDB here' };
    go('#/event/2012-10-vienna-legal-frameworks-launch');
    render(<LibraryApp />);
    expect(await screen.findByText(states.reason)).toBeTruthy();
  });

  it('shows a designed "not found" for an unknown record or a bad address', async () => {
    go('#/agency/no-such-agency');
    render(<LibraryApp />);
    expect(await screen.findByRole('heading', { name: 'Not in the library' })).toBeTruthy();
    expect(screen.getByText('#/agency/no-such-agency')).toBeTruthy();
    go('#/nonsense');
    expect(await screen.findByText('#/nonsense')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Search the library' }).getAttribute('href')).toBe('#/');
  });

  it('reports a failing background and retries', async () => {
    background.mockRejectedValueOnce(new LibraryError('internal', 'Something went wrong in the library.'));
    go('#/agency/unodc');
    render(<LibraryApp />);
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong in the library.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'United Nations Office on Drugs and Crime' })).toBeTruthy();
  });
});
