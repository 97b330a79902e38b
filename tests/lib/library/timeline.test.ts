import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, IcatEvent, Publication } from '@/lib/data/schema';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { buildTimeline, type TimelineData, type TimelineItem } from '@/lib/library/timeline';
import { bundledDataset } from '../../helpers/bundled-matcher';

const dataset = bundledDataset();
const TODAY = new Date('2026-11-30T12:00:00Z');
let timeline: TimelineData;
beforeAll(async () => {
  timeline = await buildTimeline(memoryRecordSource(dataset), TODAY);
});

const item = (id: string): TimelineItem => {
  const found = timeline.items.find((i) => i.id === id);
  if (!found) throw new Error(`no dated timeline item ${id}`);
  return found;
};

describe('buildTimeline over the bundled dataset', () => {
  it('places every event and paper exactly once, dated ones in items and the rest in undated', () => {
    const ids = [...timeline.items, ...timeline.undated].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...dataset.events, ...dataset.publications].map((r) => r.id).sort());
    for (const i of timeline.items) {
      const record = [...dataset.events, ...dataset.publications].find((r) => r.id === i.id)!;
      expect(i.date).toBe(record.date);
      expect(i.year).toBe(Number(record.date!.slice(0, 4)));
      expect(i.kind).toBe(dataset.events.includes(record as IcatEvent) ? 'event' : 'publication');
    }
    const undatedIds = [...dataset.events, ...dataset.publications].filter((r) => !r.date).map((r) => r.id);
    expect(timeline.undated.map((i) => i.id).sort()).toEqual(undatedIds.sort());
    expect(timeline.undated.map((i) => i.id)).toEqual(
      expect.arrayContaining(['icat-ib-sdgs', 'icat-ib-trafficking-in-children', 'icat-toolkit-design-evaluation']),
    );
    for (const u of timeline.undated) expect(u).not.toHaveProperty('date');
  });

  it('orders items oldest first, an event before the paper launched at it on the same date', () => {
    const dates = timeline.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
    expect(timeline.items[0]!.id).toBe('2006-09-tokyo-coordination-meeting');
    const ids = timeline.items.map((i) => i.id);
    expect(ids.indexOf('2012-05-new-york-dialogue-overview-launch')).toBeLessThan(ids.indexOf('icat-2012-overview-next-decade'));
  });

  it('spans the first year to the current year', async () => {
    expect(timeline.range).toEqual({ from: 2006, to: 2026 });
    const later = await buildTimeline(memoryRecordSource(dataset), new Date('2031-03-01T12:00:00Z'));
    expect(later.range).toEqual({ from: 2006, to: 2031 });
    const now = await buildTimeline(memoryRecordSource(dataset));
    expect(now.range.to).toBe(Math.max(new Date().getFullYear(), 2024));
  });

  it('gives an event its kind, city, own agencies and terms, and keeps its date note', () => {
    const tokyo = item('2006-09-tokyo-coordination-meeting');
    expect(tokyo).toMatchObject({ kind: 'event', type: 'meeting', city: 'Tokyo', date: '2006-09', year: 2006 });
    expect(tokyo.agencies).toEqual(['ilo', 'iom', 'unicef', 'unifem', 'undaw', 'unhcr', 'unodc']);
    expect(item('2012-08-02-consultation-close').terms).toEqual(['vulnerability', 'remedies']);
    expect(item('2007-03-icat-established')).not.toHaveProperty('city');
    expect(item('2014-10-vienna-demand-paper-launch').dateNote).toMatch(/demandat\.eu/);
  });

  it('links a paper to the event that launched it and gives it that event’s agencies', () => {
    const overview = item('icat-2012-overview-next-decade');
    expect(overview).toMatchObject({ kind: 'publication', type: 'overview paper', launchedAt: '2012-05-new-york-dialogue-overview-launch' });
    expect(overview.agencies).toEqual(['icat', 'sweden-mission', 'asean']);
    expect(overview.terms).toEqual(['trafficking-in-persons', 'vulnerability', 'remedies']);

    // Its own agencies first, then the launch event's, each once.
    const report = item('icat-chairs-report-2021');
    expect(report.launchedAt).toBe('2022-03-31-vienna-2021-co-chairs-report');
    expect(report.agencies).toEqual(['unhcr', 'unodc', 'icat']);

    // No launch event: only its own agencies.
    const chairs2019 = item('icat-chairs-report-2019');
    expect(chairs2019).not.toHaveProperty('launchedAt');
    expect(chairs2019.agencies).toEqual(['osce', 'un-women']);
    expect(item('icat-ib01-tip-vs-som').agencies).toEqual([]);
  });

  it('takes the launch nearest the paper’s date when a paper was presented at several events', () => {
    expect(item('icat-2023-call-child-trafficking').launchedAt).toBe('2023-11-new-york-heads-meeting');
  });

  it('gives an undated paper presented at a dated event that event', () => {
    const children = timeline.undated.find((i) => i.id === 'icat-ib-trafficking-in-children')!;
    expect(children.launchedAt).toBe('2018-10-05-new-york-briefing-past-present-future');
    expect(children.agencies).toContain('unfpa'); // from the briefing
    expect(children.dateNote).toMatch(/existed by October 2018/);
  });

  it('lists exactly the agencies and themes the items name, with their names', () => {
    const all = [...timeline.items, ...timeline.undated];
    const agencyIds = new Set(all.flatMap((i) => i.agencies));
    const themeIds = new Set(all.flatMap((i) => i.terms));
    expect(new Set(timeline.agencies.map((a) => a.id))).toEqual(agencyIds);
    expect(new Set(timeline.themes.map((t) => t.id))).toEqual(themeIds);
    expect(timeline.agencies.find((a) => a.id === 'ilo')).toEqual({ id: 'ilo', name: 'International Labour Organization', acronym: 'ILO' });
    expect(timeline.agencies.find((a) => a.id === 'sweden-mission')).toEqual({ id: 'sweden-mission', name: 'Permanent Mission of Sweden' });
    expect(timeline.themes.find((t) => t.id === 'demand')).toEqual({ id: 'demand', name: 'Demand (that fosters exploitation)' });
    // Records that no event or paper names are not offered as filters.
    expect(agencyIds.has('coe')).toBe(false);
    expect(themeIds.has('blue-heart')).toBe(false);
  });
});

describe('buildTimeline on small datasets', () => {
  const base = bundledDataset();
  const event = (over: Partial<IcatEvent> & { id: string }): IcatEvent => ({
    kind: 'meeting',
    title: over.id,
    description: 'An event.',
    launched: [],
    agencies: [],
    participants: [],
    terms: [],
    sources: ['https://icat.un.org/'],
    notes: [],
    ...over,
  });
  const paper = (over: Partial<Publication> & { id: string }): Publication => ({
    type: 'issue brief',
    title: over.id,
    titleVerified: true,
    titleVariants: [],
    description: 'A paper.',
    agencies: [],
    terms: [],
    forms: [],
    sources: ['https://icat.un.org/'],
    notes: [],
    ...over,
  });
  const withRecords = (events: IcatEvent[], publications: Publication[]): Dataset => ({ ...base, events, publications });

  it('drops ids that name no agency or term, and repeats none', async () => {
    const data = await buildTimeline(
      memoryRecordSource(
        withRecords(
          [event({ id: 'e', date: '2015-02', agencies: ['ilo', 'no-such-agency', 'ilo'], terms: ['demand', 'nothing'], launched: ['p'] })],
          [paper({ id: 'p', date: '2015-02', agencies: ['ilo', 'iom'] })],
        ),
      ),
      TODAY,
    );
    expect(data.items.map((i) => [i.id, i.agencies, i.terms])).toEqual([
      ['e', ['ilo'], ['demand']],
      ['p', ['ilo', 'iom'], []],
    ]);
    expect(data.agencies.map((a) => a.id)).toEqual(['ilo', 'iom']);
    expect(data.themes.map((t) => t.id)).toEqual(['demand']);
    expect(data.range).toEqual({ from: 2015, to: 2026 });
  });

  it('on equally near launches takes the earlier, and for an undated paper the earliest dated event', async () => {
    const data = await buildTimeline(
      memoryRecordSource(
        withRecords(
          [
            event({ id: 'later', date: '2020-03', launched: ['dated', 'undated'] }),
            event({ id: 'earlier', date: '2019-11', launched: ['dated', 'undated'] }),
            event({ id: 'never', launched: ['undated'] }),
          ],
          [paper({ id: 'dated', date: '2020-01' }), paper({ id: 'undated' })],
        ),
      ),
      TODAY,
    );
    expect(data.items.find((i) => i.id === 'dated')!.launchedAt).toBe('earlier');
    expect(data.undated.find((i) => i.id === 'undated')!.launchedAt).toBe('earlier');
    expect(data.undated.map((i) => i.id)).toEqual(['never', 'undated']);
  });

  it('spans just the current year when nothing is dated', async () => {
    const data = await buildTimeline(memoryRecordSource(withRecords([], [])), TODAY);
    expect(data).toEqual({ items: [], undated: [], agencies: [], themes: [], range: { from: 2026, to: 2026 } });
  });
});
