import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDataset } from '@/lib/db/apply-pack';
import { LibraryDatabase } from '@/lib/db/database';
import { dexieRecordSource } from '@/lib/db/dexie-record-source';
import type { Bookmark } from '@/lib/db/records';
import { seedLibrary } from '@/lib/db/seed';
import { getEntityDetails } from '@/lib/library/entity-details';
import { buildTermIndex } from '@/lib/library/term-index';
import { buildTimeline } from '@/lib/library/timeline';
import { buildSearchFromSource } from '@/lib/search/library-search';
import { miniDataset } from '../../fixtures/mini-dataset';
import { DEMAND_PAPER, withNewPaper, withoutDemandPaper } from '../../fixtures/data-packs';

let db: LibraryDatabase;
let n = 0;
beforeEach(async () => {
  db = new LibraryDatabase(`apply-pack-${++n}`);
  await db.open();
  await seedLibrary(db, miniDataset('2026.11.30'), 1);
});
afterEach(async () => {
  await db.delete();
});

const bookmark = (itemId: string, itemKind: Bookmark['itemKind'] = 'publication'): Bookmark => ({
  id: `b-${itemId}`,
  itemId,
  itemKind,
  title: itemId,
  note: 'kept',
  tags: ['t'],
  createdAt: 1,
  updatedAt: 2,
});
const pack = { kind: 'pack', origin: 'file', name: 'pack.json' } as const;

describe('applyDataset (data packs and reseeds)', () => {
  it('applies a pack whatever its version and records the source, counts and time', async () => {
    const result = await applyDataset(db, withNewPaper('2026.11.30'), { source: pack, now: 5 });
    expect(result).toEqual({ changed: true, previousVersion: '2026.11.30', version: '2026.11.30', retired: [] });
    expect(await db.publications.get('pack-test-paper')).toMatchObject({ title: 'A paper that only the data pack has' });
    expect(await db.meta.get('dataset')).toMatchObject({ source: pack, seededAt: 5, retired: 0, counts: { publications: 3 } });
  });

  it('drops records nobody bookmarked, keeps bookmarked ones as retired, and leaves bookmarks untouched', async () => {
    await db.bookmarks.bulkAdd([bookmark(DEMAND_PAPER), bookmark('ilo', 'agency')]);
    const before = await db.bookmarks.toArray();
    const next = withoutDemandPaper('2026.12.01');
    next.publications = next.publications.filter((p) => p.id !== 'icat-policy-paper-1-legal-frameworks');
    for (const e of next.events) e.launched = [];
    for (const t of next.terms) t.publications = [];

    const result = await applyDataset(db, next, { source: pack });
    expect(result.retired).toEqual([DEMAND_PAPER]);
    expect(await db.publications.get('icat-policy-paper-1-legal-frameworks')).toBeUndefined();
    expect(await db.publications.get(DEMAND_PAPER)).toMatchObject({ id: DEMAND_PAPER, retired: { since: '2026.12.01' } });
    expect(await db.agencies.get('ilo')).not.toHaveProperty('retired');
    expect(await db.bookmarks.toArray()).toEqual(before);
    expect((await db.meta.get('dataset'))!.retired).toBe(1);
  });

  it('keeps retired records readable but out of the term index, search, timeline and related lists', async () => {
    await db.bookmarks.add(bookmark(DEMAND_PAPER));
    await applyDataset(db, withoutDemandPaper('2026.12.01'), { source: pack });
    const source = dexieRecordSource(db);

    const details = await getEntityDetails(source, DEMAND_PAPER);
    expect(details?.summary).toMatchObject({ id: DEMAND_PAPER, retired: '2026.12.01' });

    const index = await buildTermIndex(source, '2026.12.01');
    expect(index.entities.map((e) => e.id)).not.toContain(DEMAND_PAPER);
    expect(index.forms.map((f) => f.text)).not.toContain('Demand paper');

    const search = await buildSearchFromSource(source);
    expect(search.search('Preventing trafficking in persons by addressing demand').map((r) => r.id)).not.toContain(DEMAND_PAPER);

    const timeline = await buildTimeline(source);
    expect(timeline.items.map((i) => i.id)).not.toContain(DEMAND_PAPER);
    const unodc = await getEntityDetails(source, 'unodc');
    expect(unodc?.related.publications.map((p) => p.id)).not.toContain(DEMAND_PAPER);
  });

  it('keeps the first retirement version, and a record that comes back is current again', async () => {
    await db.bookmarks.add(bookmark(DEMAND_PAPER));
    await applyDataset(db, withoutDemandPaper('2026.12.01'), { source: pack });
    await applyDataset(db, withoutDemandPaper('2026.12.02'), { source: pack });
    expect((await db.publications.get(DEMAND_PAPER))!.retired).toEqual({ since: '2026.12.01' });
    await applyDataset(db, miniDataset('2026.12.03'), { source: pack });
    expect(await db.publications.get(DEMAND_PAPER)).not.toHaveProperty('retired');
    expect((await db.meta.get('dataset'))!.retired).toBe(0);
  });

  it('applies the retired rule to bundled reseeds too', async () => {
    await db.bookmarks.add(bookmark(DEMAND_PAPER));
    const result = await seedLibrary(db, withoutDemandPaper('2026.12.01'));
    expect(result.changed).toBe(true);
    expect(await db.publications.get(DEMAND_PAPER)).toMatchObject({ retired: { since: '2026.12.01' } });
    expect(await db.meta.get('dataset')).toMatchObject({ source: { kind: 'bundled' }, retired: 1 });
  });

  it('is atomic: a failure halfway leaves the previous library, its meta and the bookmarks as they were', async () => {
    await db.bookmarks.add(bookmark(DEMAND_PAPER));
    const metaBefore = await db.meta.get('dataset');
    const broken = withoutDemandPaper('2026.12.01');
    broken.people.push({ ...broken.people[0]! }); // duplicate primary key: fails after the tables were cleared

    await expect(applyDataset(db, broken, { source: pack })).rejects.toThrow();
    expect(await db.meta.get('dataset')).toEqual(metaBefore);
    expect(await db.publications.count()).toBe(2);
    expect(await db.publications.get(DEMAND_PAPER)).not.toHaveProperty('retired');
    expect(await db.bookmarks.toArray()).toEqual([bookmark(DEMAND_PAPER)]);
  });
});
