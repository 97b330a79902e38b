import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import { dexieRecordSource } from '@/lib/db/dexie-record-source';
import { seedLibrary } from '@/lib/db/seed';
import { byNewestFirst } from '@/lib/library/entity';
import { findEntity, getEntityDetails } from '@/lib/library/entity-details';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import type { RecordSource } from '@/lib/library/record-source';
import { miniDataset } from '../../fixtures/mini-dataset';

const db = new LibraryDatabase('entity-details-test');
afterAll(() => Dexie.delete('entity-details-test'));

// Both implementations must give the same answers: the fallback is not a second-class library.
const sources: [string, () => Promise<RecordSource>][] = [
  ['IndexedDB', async () => (await seedLibrary(db, miniDataset()), dexieRecordSource(db))],
  ['memory', async () => memoryRecordSource(miniDataset())],
];

describe.each(sources)('entity details over %s', (_, makeSource) => {
  it('finds a record of any kind by id, and nothing for an unknown id', async () => {
    const source = await makeSource();
    expect((await findEntity(source, 'unodc'))?.kind).toBe('agency');
    expect((await findEntity(source, 'tip-protocol'))?.kind).toBe('instrument');
    expect((await findEntity(source, 'martin-fowke'))?.kind).toBe('person');
    expect(await findEntity(source, 'nobody')).toBeNull();
    expect(await getEntityDetails(source, 'nobody')).toBeNull();
  });

  it('relates an agency to its events, the papers launched there and its people', async () => {
    const d = (await getEntityDetails(await makeSource(), 'ilo'))!;
    expect(d.summary).toMatchObject({ title: 'International Labour Organization', subtitle: 'ILO', kind: 'agency' });
    expect(d.related.events.map((e) => e.id)).toEqual(['2012-10-vienna-legal-frameworks-launch']);
    // own paper (demand, 2014) and the one launched at its event (legal frameworks, 2012), newest first
    expect(d.related.publications.map((p) => p.id)).toEqual(['icat-policy-paper-2-demand', 'icat-policy-paper-1-legal-frameworks']);
    const unodc = (await getEntityDetails(await makeSource(), 'unodc'))!;
    expect(unodc.related.people.map((p) => p.id)).toEqual(['martin-fowke']);
  });

  it('relates a paper to its launch event and its terms', async () => {
    const d = (await getEntityDetails(await makeSource(), 'icat-policy-paper-1-legal-frameworks'))!;
    expect(d.summary).toMatchObject({ subtitle: 'Policy paper 1', date: '2012-10' });
    expect(d.related.events.map((e) => [e.id, e.city])).toEqual([['2012-10-vienna-legal-frameworks-launch', 'Vienna']]);
    expect(d.related.terms.map((t) => t.id)).toEqual(['tip-protocol']);
  });

  it('relates an event to what it launched, its agencies and its people', async () => {
    const d = (await getEntityDetails(await makeSource(), '2012-10-vienna-legal-frameworks-launch'))!;
    expect(d.related.publications.map((p) => p.id)).toEqual(['icat-policy-paper-1-legal-frameworks']);
    expect(d.related.agencies.map((a) => a.id)).toEqual(['unodc', 'ilo']);
    expect(d.related.people.map((p) => p.id)).toEqual(['martin-fowke']);
  });

  it('relates a person to their events, agency and the papers launched there', async () => {
    const d = (await getEntityDetails(await makeSource(), 'martin-fowke'))!;
    expect(d.related.events.map((e) => e.id)).toEqual(['2012-10-vienna-legal-frameworks-launch']);
    expect(d.related.agencies.map((a) => a.id)).toEqual(['unodc']);
    expect(d.related.publications.map((p) => p.id)).toEqual(['icat-policy-paper-1-legal-frameworks']);
  });

  it('relates a term to its papers and the events that launched them', async () => {
    const d = (await getEntityDetails(await makeSource(), 'tip-protocol'))!;
    expect(d.related.publications.map((p) => p.id)).toEqual(['icat-policy-paper-1-legal-frameworks']);
    expect(d.related.events.map((e) => e.id)).toEqual(['2012-10-vienna-legal-frameworks-launch']);
  });
});

describe('byNewestFirst', () => {
  it('puts newer dates first, undated last, and breaks ties by title', () => {
    const rows = [
      { id: 'a', kind: 'event' as const, title: 'B', date: '2012' },
      { id: 'b', kind: 'event' as const, title: 'Undated' },
      { id: 'c', kind: 'event' as const, title: 'A', date: '2012' },
      { id: 'd', kind: 'event' as const, title: 'Later', date: '2014-10-01' },
    ];
    expect(rows.sort(byNewestFirst).map((r) => r.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});
