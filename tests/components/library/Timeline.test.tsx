import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from '@/components/library/Timeline';
import { TimelinePage } from '@/components/library/TimelinePage';
import { LibraryError } from '@/lib/library/library-error';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { buildTimeline, type TimelineData } from '@/lib/library/timeline';
import { askBackground } from '@/lib/messaging/background-client';
import { bundledDataset } from '../../helpers/bundled-matcher';

// TimelinePage asks the background; here a stand-in answers.
vi.mock('@/lib/messaging/background-client', () => ({ askBackground: vi.fn() }));

let data: TimelineData;
beforeAll(async () => {
  data = await buildTimeline(memoryRecordSource(bundledDataset()), new Date('2026-11-30T12:00:00Z'));
});

const allItems = () => [...data.items, ...data.undated];
const years = (container: Element) => container.querySelector('.tl-years') as HTMLElement;
/** The ids of every record drawn (an undated paper may be drawn twice: at its event and under Undated). */
const drawnIds = (container: Element) =>
  new Set([...container.querySelectorAll<HTMLElement>('.tl-record')].map((li) => li.dataset.id!));
const recordLi = (container: Element, id: string) =>
  years(container).querySelector<HTMLElement>(`.tl-record[data-id="${id}"]`);
const agencySelect = () => screen.getByRole('combobox', { name: 'Agency' }) as HTMLSelectElement;
const themeSelect = () => screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement;
const choose = (select: HTMLSelectElement, value: string) => fireEvent.change(select, { target: { value } });
const optionText = (select: HTMLSelectElement, value: string) =>
  [...select.options].find((o) => o.value === value)!.textContent;

describe('Timeline over the bundled dataset', () => {
  it('draws every year from 2006 to 2026, oldest first, empty years as thin gaps', () => {
    const { container } = render(<Timeline data={data} />);
    const drawn = [...years(container).querySelectorAll<HTMLElement>(':scope > .tl-year')].map((li) => Number(li.dataset.year));
    expect(drawn).toEqual(Array.from({ length: 21 }, (_, i) => 2006 + i));

    const datedYears = new Set(data.items.map((i) => i.year));
    for (const year of drawn) {
      const li = years(container).querySelector(`[data-year="${year}"]`)!;
      if (datedYears.has(year)) {
        expect(within(li as HTMLElement).getByRole('heading', { level: 2 }).textContent).toMatch(new RegExp(`^${year}`));
      } else {
        expect(li.classList.contains('tl-year-empty'), `${year}`).toBe(true);
        expect(li.textContent).toBe(`${year}nothing recorded`);
      }
    }
    for (const empty of [2008, 2009, 2013, 2015, 2025, 2026]) expect(datedYears.has(empty)).toBe(false);
    // A year's count is of its own dated records; 2017's issue briefs presented at the 2018 briefing stay in 2017.
    expect(screen.getByRole('heading', { level: 2, name: /^2018/ }).textContent).toBe('20183 events, 1 paper');
    expect(screen.getByRole('heading', { level: 2, name: /^2006/ }).textContent).toBe('20061 event');
  });

  it('links every record to #/<kind>/<id>, its title marked dir="auto"', () => {
    const { container } = render(<Timeline data={data} />);
    for (const item of allItems()) {
      const links = container.querySelectorAll(`a.tl-title[href="#/${item.kind}/${item.id}"]`);
      expect(links.length, item.id).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.textContent).toBe(item.title);
        expect(link.getAttribute('dir')).toBe('auto');
      }
    }
    // Dated records are drawn once.
    for (const item of data.items) expect(container.querySelectorAll(`.tl-record[data-id="${item.id}"]`).length, item.id).toBe(1);
  });

  it('draws the 2012 New York dialogue with the overview paper launched there inside it', () => {
    const { container } = render(<Timeline data={data} />);
    const event = recordLi(container, '2012-05-new-york-dialogue-overview-launch')!;
    expect(event.closest('.tl-year')!.getAttribute('data-year')).toBe('2012');
    expect(event.classList.contains('tl-event')).toBe(true);
    expect(event.querySelector('.tl-date')!.textContent).toBe('May 2012'); // the year is there for screen readers
    expect(event.querySelector('.tl-date')!.getAttribute('datetime')).toBe('2012-05');
    const meta = event.querySelector('.tl-meta')!;
    expect(meta.textContent).toBe('EventMeetingNew York');
    const title = within(event).getByRole('link', { name: /^Interactive dialogue and thematic discussion hosted by ICAT/ });
    expect(title.getAttribute('href')).toBe('#/event/2012-05-new-york-dialogue-overview-launch');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)).toBe(meta);

    const attached = within(event).getByRole('list', { name: 'Launched or presented here' });
    const paper = within(attached).getByRole('link', { name: /^The next decade/ });
    expect(paper.getAttribute('href')).toBe('#/publication/icat-2012-overview-next-decade');
    expect(paper.closest('.tl-record')!.classList.contains('tl-paper')).toBe(true);
    expect(paper.closest('.tl-record')!.querySelector('.tl-meta')!.textContent).toBe('PaperOverview paper');
    // Drawn inside the event, not again on its own.
    expect(container.querySelectorAll('[data-id="icat-2012-overview-next-decade"]')).toHaveLength(1);
  });

  it('lists the undated papers, each with the briefing where they were presented', () => {
    const { container } = render(<Timeline data={data} />);
    const undated = screen.getByRole('region', { name: /^Undated/ });
    expect(within(undated).getByRole('heading', { level: 2 }).textContent).toBe('Undated3 records');
    for (const item of data.undated) {
      const li = undated.querySelector<HTMLElement>(`.tl-record[data-id="${item.id}"]`)!;
      expect(within(li).getByRole('link', { name: item.title }).getAttribute('href')).toBe(`#/publication/${item.id}`);
      const at = within(li).getByRole('link', { name: /Briefing|past, present/i });
      expect(at.getAttribute('href')).toBe('#/event/2018-10-05-new-york-briefing-past-present-future');
      expect(li.textContent).toContain('Undated');
    }
    expect(within(undated).getAllByText(/existed by October 2018/, { selector: '.tl-note' })).toHaveLength(2);
    // They also hang under the briefing in 2018.
    const briefing = recordLi(container, '2018-10-05-new-york-briefing-past-present-future')!;
    for (const item of data.undated) expect(briefing.querySelector(`.tl-attached [data-id="${item.id}"]`), item.id).not.toBeNull();
  });
});

describe('Timeline filters', () => {
  it('filters by an agency, hiding unrelated records, and shows counts', () => {
    const { container } = render(<Timeline data={data} />);
    const total = allItems().length;
    expect(screen.getByRole('status').textContent).toBe(`All ${total} records`);
    const ilo = allItems().filter((i) => i.agencies.includes('ilo'));
    expect(optionText(agencySelect(), 'ilo')).toBe(`ILO — International Labour Organization (${ilo.length})`);
    expect(optionText(agencySelect(), '')).toBe(`All agencies (${total})`);

    choose(agencySelect(), 'ilo');
    expect(agencySelect().value).toBe('ilo');
    expect(screen.getByRole('status').textContent).toBe(`Showing ${ilo.length} of ${total} records`);
    expect(drawnIds(container)).toEqual(new Set(ilo.map((i) => i.id)));
    expect(recordLi(container, '2006-09-tokyo-coordination-meeting')).not.toBeNull();
    expect(recordLi(container, '2007-03-icat-established')).toBeNull();
    expect(container.querySelector('a[href="#/publication/icat-2012-overview-next-decade"]')).toBeNull();
    // 2007 is now a thin gap that says so.
    expect(container.querySelector('[data-year="2007"]')!.textContent).toBe('2007nothing matching');

    // Theme counts now count records with the ILO only.
    const iloTip = ilo.filter((i) => i.terms.includes('tip-protocol')).length;
    expect(optionText(themeSelect(), 'tip-protocol')).toBe(`Trafficking in Persons Protocol (${iloTip})`);
    expect(optionText(themeSelect(), '')).toBe(`All themes (${ilo.length})`);
    // A theme no ILO record has cannot be chosen.
    const none = [...themeSelect().options].find((o) => o.textContent!.endsWith('(0)'))!;
    expect(none.disabled).toBe(true);
  });

  it('filters by a theme, and by both at once (AND)', () => {
    const { container } = render(<Timeline data={data} />);
    choose(themeSelect(), 'demand');
    const demand = allItems().filter((i) => i.terms.includes('demand'));
    expect(drawnIds(container)).toEqual(new Set(demand.map((i) => i.id)));
    expect(recordLi(container, 'icat-policy-paper-2-demand')).not.toBeNull();
    expect(recordLi(container, '2006-09-tokyo-coordination-meeting')).toBeNull();

    // The 2014 launch event has the theme and so does its paper: drawn together.
    const launch = recordLi(container, '2014-10-vienna-demand-paper-launch')!;
    expect(launch.querySelector('.tl-attached [data-id="icat-policy-paper-2-demand"]')).not.toBeNull();

    choose(agencySelect(), 'unodc');
    const both = demand.filter((i) => i.agencies.includes('unodc'));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(demand.length);
    expect(drawnIds(container)).toEqual(new Set(both.map((i) => i.id)));
    expect(screen.getByRole('status').textContent).toBe(`Showing ${both.length} of ${allItems().length} records`);
  });

  it('draws a paper on its own, with a link to its event, when the event is filtered out', () => {
    const { container } = render(<Timeline data={data} />);
    // The overview paper has this theme; the New York dialogue that launched it has none.
    choose(themeSelect(), 'remedies');
    expect(recordLi(container, '2012-05-new-york-dialogue-overview-launch')).toBeNull();
    const paper = recordLi(container, 'icat-2012-overview-next-decade')!;
    expect(paper.parentElement!.closest('.tl-record')).toBeNull();
    const at = within(paper).getByRole('link', { name: /^Interactive dialogue/ });
    expect(at.getAttribute('href')).toBe('#/event/2012-05-new-york-dialogue-overview-launch');
    expect(paper.querySelector('.tl-launched-at')!.textContent).toMatch(/\(May 2012\)$/);
  });

  it('clears the filters', () => {
    const { container } = render(<Timeline data={data} />);
    const clear = screen.getByRole('button', { name: 'Clear filters' }) as HTMLButtonElement;
    expect(clear.disabled).toBe(true);
    choose(agencySelect(), 'ilo');
    choose(themeSelect(), 'tip-protocol');
    expect(clear.disabled).toBe(false);
    expect(drawnIds(container).size).toBeLessThan(allItems().length);

    fireEvent.click(clear);
    expect(agencySelect().value).toBe('');
    expect(themeSelect().value).toBe('');
    expect(drawnIds(container)).toEqual(new Set(allItems().map((i) => i.id)));
    expect(screen.getByRole('status').textContent).toBe(`All ${allItems().length} records`);
    expect(clear.disabled).toBe(true);
    expect(document.activeElement).toBe(agencySelect());
  });

  it('says so when nothing matches', () => {
    const { container } = render(<Timeline data={data} />);
    // The UI disables options that would leave nothing; a forced choice still draws a designed state.
    choose(agencySelect(), 'asean');
    choose(themeSelect(), 'organ-removal');
    expect(drawnIds(container).size).toBe(0);
    expect(screen.getByText(/No record has both of these/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(`Showing 0 of ${allItems().length} records`);
  });
});

describe('TimelinePage', () => {
  const background = vi.mocked(askBackground);
  beforeEach(() => {
    background.mockReset();
  });

  it('asks the background for get-timeline, says it is loading, then draws it with its heading focused', async () => {
    let answer!: (value: TimelineData) => void;
    background.mockImplementation((() => new Promise<TimelineData>((resolve) => (answer = resolve))) as unknown as typeof askBackground);
    render(<TimelinePage />);
    expect(background).toHaveBeenCalledWith({ type: 'get-timeline' });
    expect(screen.getByRole('status').textContent).toBe('Drawing the timeline…');
    answer(data);
    const heading = await screen.findByRole('heading', { level: 1, name: 'ICAT timeline, 2006–2026' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe('Timeline · ICAT Lens library');
    expect(screen.getByRole('list', { name: 'ICAT years, 2006 to 2026' })).toBeTruthy();
  });

  it('reports a failing background and retries', async () => {
    background.mockRejectedValueOnce(new LibraryError('internal', 'Something went wrong in the library.'));
    background.mockResolvedValueOnce(data as never);
    render(<TimelinePage />);
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong in the library.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'ICAT timeline, 2006–2026' })).toBeTruthy();
    expect(background).toHaveBeenCalledTimes(2);
  });
});
