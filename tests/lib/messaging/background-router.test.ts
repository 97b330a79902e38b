import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import { createBackgroundRouter } from '@/lib/messaging/background-router';
import { openLibrary, type Library } from '@/lib/library/open-library';
import { miniDataset } from '../../fixtures/mini-dataset';
import { withNewPaper } from '../../fixtures/data-packs';

const OUR_ID = 'jdncnlpoeighemnoamkojmlijahniblh';
const ours = { id: OUR_ID };
let library: Library;
let handle: ReturnType<typeof createBackgroundRouter>;
let n = 0;

beforeEach(async () => {
  library = await openLibrary({ readBundledDataset: async () => miniDataset(), openDatabase: () => new LibraryDatabase(`router-${++n}`) });
  handle = createBackgroundRouter({ extensionId: OUR_ID, library: async () => library });
});
afterEach(async () => {
  library.db?.close();
  await Dexie.delete(`router-${n}`);
});

describe('background router: who may ask', () => {
  it('refuses messages from another extension or with no sender id', async () => {
    for (const sender of [{ id: 'someotherextensionidaaaaaaaaaaaa' }, {}]) {
      expect(await handle({ type: 'get-status' }, sender)).toEqual({
        ok: false,
        error: { code: 'foreign-sender', message: expect.stringMatching(/not accepted/) },
      });
    }
  });
});

describe('background router: what may be asked', () => {
  const bad: [string, unknown][] = [
    ['nothing', undefined],
    ['a string', 'get-status'],
    ['an unknown type', { type: 'delete-everything' }],
    ['a missing field', { type: 'get-entity' }],
    ['a wrong field type', { type: 'get-entity', id: 42 }],
    ['an id that is not an id', { type: 'get-entity', id: '../../etc' }],
    ['an extra field', { type: 'get-status', sneaky: true }],
    ['a huge query', { type: 'search', query: 'x'.repeat(10_000) }],
    ['a prototype-polluting payload', JSON.parse('{"type":"get-status","__proto__":{"polluted":true}}')],
    ['a javascript: URL in a bookmark', { type: 'save-bookmark', itemId: 'ilo', foundAt: { url: 'javascript:alert(1)', title: '', quote: '' } }],
  ];
  it.each(bad)('refuses %s with invalid-message', async (_, message) => {
    const reply = await handle(message, ours);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('background router: answers', () => {
  it('reports the library status', async () => {
    const reply = await handle({ type: 'get-status' }, ours);
    expect(reply).toMatchObject({ ok: true, data: { storage: { mode: 'indexeddb' }, counts: { publications: 2 } } });
  });

  it('serves the term index, built once per dataset version', async () => {
    const spy = vi.spyOn(library.source, 'all');
    const first = await handle({ type: 'get-term-index' }, ours);
    const calls = spy.mock.calls.length;
    const second = await handle({ type: 'get-term-index' }, ours);
    expect(second).toEqual(first);
    expect(spy.mock.calls.length).toBe(calls);
    expect(first).toMatchObject({ ok: true, data: { datasetVersion: '2026.11.30' } });
  });

  it('returns an entity with its relations, and not-found for an unknown id', async () => {
    expect(await handle({ type: 'get-entity', id: 'ilo' }, ours)).toMatchObject({
      ok: true,
      data: { summary: { title: 'International Labour Organization' } },
    });
    expect(await handle({ type: 'get-entity', id: 'no-such-thing' }, ours)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('searches real data from the database, with filters', async () => {
    const reply = await handle({ type: 'search', query: 'The International Legal Frameworks concerning Trafficking in Persons' }, ours);
    expect(reply).toMatchObject({ ok: true, data: [{ id: 'icat-policy-paper-1-legal-frameworks' }] });
    const events = await handle({ type: 'search', query: 'vienna', kinds: ['event'], yearFrom: 2014 }, ours);
    expect(events).toMatchObject({ ok: true, data: [{ id: '2014-vienna-demand-paper-launch', kind: 'event' }] });
    expect(await handle({ type: 'search', query: 'x', kinds: ['spaceship'] }, ours)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('saves, lists and removes bookmarks, taking the title from the library', async () => {
    const saved = await handle({ type: 'save-bookmark', itemId: 'tip-protocol', tags: ['law'] }, ours);
    expect(saved).toMatchObject({ ok: true, data: { itemKind: 'term', title: 'Trafficking in Persons Protocol', tags: ['law'] } });
    expect(await handle({ type: 'list-bookmarks' }, ours)).toMatchObject({ ok: true, data: [{ itemId: 'tip-protocol' }] });
    expect(await handle({ type: 'remove-bookmark', itemId: 'tip-protocol' }, ours)).toEqual({ ok: true, data: { removed: true } });
    expect(await handle({ type: 'save-bookmark', itemId: 'not-in-library' }, ours)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('tells which items are saved, and why not when bookmarks are unavailable', async () => {
    await handle({ type: 'save-bookmark', itemId: 'icat-policy-paper-2-demand' }, ours);
    expect(await handle({ type: 'get-bookmark-states', itemIds: ['icat-policy-paper-2-demand', 'ilo'] }, ours)).toEqual({
      ok: true,
      data: { available: true, saved: ['icat-policy-paper-2-demand'] },
    });
    const memory = await openLibrary({
      readBundledDataset: async () => miniDataset(),
      openDatabase: () => new LibraryDatabase('no-idb', { indexedDB: undefined as never, IDBKeyRange: undefined as never }),
    });
    const readOnly = createBackgroundRouter({ extensionId: OUR_ID, library: async () => memory });
    expect(await readOnly({ type: 'get-bookmark-states', itemIds: ['ilo'] }, ours)).toMatchObject({
      ok: true,
      data: { available: false, reason: expect.stringMatching(/unavailable/) },
    });
  });

  it('opens the library page on a record with its kind in the hash, and the options page', async () => {
    const opened: unknown[] = [];
    const router = createBackgroundRouter({ extensionId: OUR_ID, library: async () => library, openPage: async (p) => void opened.push(p) });
    expect(await router({ type: 'open-library-page', id: 'icat-policy-paper-2-demand' }, ours)).toEqual({ ok: true, data: { opened: true } });
    expect(await router({ type: 'open-library-page' }, ours)).toEqual({ ok: true, data: { opened: true } });
    expect(await router({ type: 'open-options-page' }, ours)).toEqual({ ok: true, data: { opened: true } });
    expect(await router({ type: 'open-library-page', id: 'nothing-here' }, ours)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(opened).toEqual([
      { kind: 'library', hash: '#/publication/icat-policy-paper-2-demand' },
      { kind: 'library', hash: '#/' },
      { kind: 'options' },
    ]);
  });

  it('serves the timeline of dated events and papers', async () => {
    const reply = await handle({ type: 'get-timeline' }, ours);
    expect(reply).toMatchObject({ ok: true, data: { items: expect.arrayContaining([expect.objectContaining({ id: '2012-10-vienna-legal-frameworks-launch' })]) } });
  });

  it('says so when IndexedDB fails mid-session, keeps what was saved, and reopens the library next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await handle({ type: 'save-bookmark', itemId: 'ilo', note: 'kept' }, ours);
    let failures = 0;
    const router = createBackgroundRouter({ extensionId: OUR_ID, library: async () => library, onStorageFailure: () => failures++ });
    // The disk is full.
    vi.spyOn(library.bookmarks, 'save').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    expect(await router({ type: 'save-bookmark', itemId: 'unodc', note: 'new' }, ours)).toEqual({
      ok: false,
      error: { code: 'storage-failed', message: expect.stringMatching(/no room left.*Nothing already saved was changed/) },
    });
    // The browser closed the database under us.
    library.db!.close();
    expect(await router({ type: 'list-bookmarks' }, ours)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(failures).toBe(2);
    // Reopened: what was saved before is all there, nothing was replaced by an empty state.
    await library.db!.open();
    expect(await router({ type: 'list-bookmarks' }, ours)).toMatchObject({ ok: true, data: [{ itemId: 'ilo', note: 'kept' }] });
  });

  it('turns unexpected failures into an internal error instead of throwing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = createBackgroundRouter({
      extensionId: OUR_ID,
      library: () => Promise.reject(new Error('disk on fire')),
    });
    const reply = await failing({ type: 'get-status' }, ours);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toMatch(/disk on fire/);
  });
});

describe('background router: data packs', () => {
  const packText = (version = '2026.12.01') => JSON.stringify(withNewPaper(version));
  const ids = async (query: string, router = handle) => {
    const reply = await router({ type: 'search', query }, ours);
    return reply.ok ? (reply.data as { id: string }[]).map((r) => r.id) : reply;
  };

  it('refuses an invalid pack with the list of problems and changes nothing', async () => {
    const before = await handle({ type: 'get-status' }, ours);
    const broken = withNewPaper('2026.12.01') as unknown as Record<string, unknown>;
    broken.version = 'latest';
    (broken.publications as { id: string }[])[0]!.id = 'Not An Id';
    const reply = await handle({ type: 'apply-data-pack', text: JSON.stringify(broken) }, ours);
    expect(reply).toMatchObject({ ok: true, data: { ok: false } });
    const errors = (reply as { data: { errors: string[] } }).data.errors;
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^version: /), expect.stringMatching(/^publications\.0\.id: /)]));
    expect(await handle({ type: 'apply-data-pack', text: '{ not json' }, ours)).toMatchObject({
      ok: true,
      data: { ok: false, errors: [expect.stringMatching(/not JSON/)] },
    });
    expect(await handle({ type: 'get-status' }, ours)).toEqual(before);
  });

  it('applies a pack, reports the source, and serves new term and search indexes at once', async () => {
    const changed = vi.fn(async () => {});
    const router = createBackgroundRouter({ extensionId: OUR_ID, library: async () => library, onDatasetChanged: changed });
    await router({ type: 'get-term-index' }, ours);
    expect(await ids('Pack test paper', router)).not.toContain('pack-test-paper');

    // Same version string as the bundled dataset: the caches must still be rebuilt.
    const reply = await router({ type: 'apply-data-pack', text: packText('2026.11.30'), name: 'my-pack.json' }, ours);
    expect(reply).toMatchObject({
      ok: true,
      data: { ok: true, dataset: { version: '2026.11.30', source: { kind: 'pack', origin: 'file', name: 'my-pack.json' }, retired: 0 }, retiredIds: [] },
    });
    expect(changed).toHaveBeenCalledTimes(1);
    const index = await router({ type: 'get-term-index' }, ours);
    expect(index.ok && (index.data as { forms: { text: string }[] }).forms.map((f) => f.text)).toContain('Pack test paper');
    expect(await ids('Pack test paper', router)).toContain('pack-test-paper');
    expect(await router({ type: 'get-status' }, ours)).toMatchObject({
      ok: true,
      data: { dataset: { source: { kind: 'pack', origin: 'file' }, retired: 0 }, counts: { publications: 3 } },
    });

    expect(await router({ type: 'rollback-dataset' }, ours)).toMatchObject({ ok: true, data: { ok: true, dataset: { source: { kind: 'bundled' } } } });
    expect(changed).toHaveBeenCalledTimes(2);
    expect(await ids('Pack test paper', router)).not.toContain('pack-test-paper');
  });

  it('fetches a pack from an https URL with the given fetch, and refuses other schemes before fetching', async () => {
    const fetch = vi.fn(async (url: string) => new Response(packText(), { status: 200, headers: { 'content-type': 'application/json' } }));
    const router = createBackgroundRouter({ extensionId: OUR_ID, library: async () => library, fetch });
    const url = 'https://packs.example.org/icat-pack.json';
    expect(await router({ type: 'fetch-data-pack', url }, ours)).toMatchObject({
      ok: true,
      data: { ok: true, dataset: { version: '2026.12.01', source: { kind: 'pack', origin: url } } },
    });
    expect(fetch).toHaveBeenCalledWith(url, expect.objectContaining({ credentials: 'omit' }));
    for (const bad of ['http://packs.example.org/p.json', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://x.org/p.json']) {
      expect(await router({ type: 'fetch-data-pack', url: bad }, ours)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports a failed fetch in words and changes nothing', async () => {
    const before = await handle({ type: 'get-status' }, ours);
    const notFound = createBackgroundRouter({ extensionId: OUR_ID, library: async () => library, fetch: async () => new Response('nope', { status: 404 }) });
    expect(await notFound({ type: 'fetch-data-pack', url: 'https://x.org/p.json' }, ours)).toMatchObject({
      ok: false,
      error: { code: 'fetch-failed', message: expect.stringMatching(/404/) },
    });
    expect(await handle({ type: 'get-status' }, ours)).toEqual(before);
  });
});
