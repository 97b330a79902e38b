import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BookmarksPanel } from '@/components/bookmarks/BookmarksPanel';
import type { BookmarksApi } from '@/components/bookmarks/bookmarks-api';
import { BOOKMARK_UNDO_TIMEOUT_MS } from '@/components/bookmarks/constants';
import { LibraryDatabase } from '@/lib/db/database';
import type { Bookmark } from '@/lib/db/records';
import { dexieBookmarkStore } from '@/lib/library/bookmark-store';

const day = (iso: string) => new Date(`${iso}T12:00:00`).getTime();

const demandPaper: Bookmark = {
  id: 'b-demand',
  itemId: 'icat-policy-paper-2-demand',
  itemKind: 'publication',
  title: 'Preventing trafficking in persons by addressing demand',
  note: 'Read before the workshop',
  tags: ['Demand', 'labour'],
  createdAt: day('2026-01-10'),
  updatedAt: day('2026-01-10'),
  foundAt: { url: 'https://example.org/article', title: 'An article', quote: '… addressing demand …' },
};
const principalsMeeting: Bookmark = {
  id: 'b-meeting',
  itemId: 'icat-principals-meeting-2025',
  itemKind: 'event',
  title: 'ICAT Principals meeting 2025',
  note: '',
  tags: ['meetings'],
  createdAt: day('2026-02-01'),
  updatedAt: day('2026-02-01'),
};
const smugglingBrief: Bookmark = {
  id: 'b-smuggling',
  itemId: 'icat-ib01-tip-vs-som',
  itemKind: 'publication',
  title: 'What is the difference between trafficking in persons and smuggling of migrants?',
  note: 'Cited by the Organización Internacional para las Migraciones',
  tags: ['Labour'],
  createdAt: day('2026-03-05'),
  updatedAt: day('2026-03-05'),
};
const SEED = [demandPaper, principalsMeeting, smugglingBrief];

let dbCount = 0;
const opened: LibraryDatabase[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function seededDb(bookmarks: readonly Bookmark[] = SEED): Promise<LibraryDatabase> {
  const db = new LibraryDatabase(`bookmarks-panel-test-${++dbCount}`);
  opened.push(db);
  await db.bookmarks.bulkPut(bookmarks.map((b) => structuredClone(b)));
  return db;
}

/** Stands in for the background: writes through the real bookmark store, as save-bookmark / remove-bookmark do. */
function backgroundLikeApi(db: LibraryDatabase, known: readonly Bookmark[] = SEED) {
  const store = dexieBookmarkStore(db);
  const items = new Map(known.map((b) => [b.itemId, { itemKind: b.itemKind, title: b.title }]));
  const save = vi.fn<BookmarksApi['save']>(async (input) => {
    const item = items.get(input.itemId);
    if (!item) throw new Error(`No record ${input.itemId}`);
    await store.save({ ...input, ...item });
  });
  const remove = vi.fn<BookmarksApi['remove']>(async (itemId) => {
    await store.remove(itemId);
  });
  return { save, remove };
}

/** An api that answers at once and leaves the database alone (for fake-timer tests). */
const inertApi = () => ({ save: vi.fn<BookmarksApi['save']>(async () => {}), remove: vi.fn<BookmarksApi['remove']>(async () => {}) });

type FakeApi = ReturnType<typeof inertApi>;

async function renderPanel(db: LibraryDatabase, api: FakeApi = backgroundLikeApi(db), onOpenRecord = vi.fn()) {
  const view = render(<BookmarksPanel db={db} api={api} onOpenRecord={onOpenRecord} />);
  await screen.findByRole('list', { name: /Saved/ });
  return { ...view, api, onOpenRecord };
}

const titles = () =>
  [...document.querySelectorAll('.bm-item')].map((item) => item.querySelector('.bm-title')?.textContent);
const item = (b: Bookmark) => document.querySelector<HTMLElement>(`[data-item-id="${b.itemId}"]`)!;

describe('BookmarksPanel', () => {
  it('lists saved items newest first, with kind, saved date, note and tags; the title opens the record', async () => {
    const db = await seededDb();
    const { onOpenRecord } = await renderPanel(db);
    expect(screen.getByRole('heading', { name: /Saved/ }).textContent).toContain('3');
    expect(titles()).toEqual([smugglingBrief.title, principalsMeeting.title, demandPaper.title]);

    const demand = within(item(demandPaper));
    expect(demand.getByText('Paper')).toBeTruthy();
    expect(demand.getByText('10 Jan 2026').getAttribute('datetime')).toBe('2026-01-10');
    expect(demand.getByText('Read before the workshop').getAttribute('dir')).toBe('auto');
    expect(within(demand.getByRole('list', { name: /Tags of/ })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Demand×',
      'labour×',
    ]);
    expect(within(item(principalsMeeting)).getByText('Event')).toBeTruthy();

    fireEvent.click(demand.getByRole('button', { name: demandPaper.title }));
    expect(onOpenRecord).toHaveBeenCalledWith(demandPaper.itemId);
  });

  it('follows the database live: additions, changes and removals made elsewhere show at once', async () => {
    const db = await seededDb();
    await renderPanel(db);
    const newer: Bookmark = { ...principalsMeeting, id: 'b-new', itemId: 'icat-new-brief', title: 'A brief saved from a card', createdAt: day('2026-04-01') };

    await db.bookmarks.add(newer);
    await waitFor(() => expect(titles()[0]).toBe('A brief saved from a card'));

    await db.bookmarks.update(demandPaper.id, { note: 'Changed in another window', tags: ['policy'] });
    await waitFor(() => expect(within(item(demandPaper)).getByText('Changed in another window')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'policy (1)' })).toBeTruthy();

    // A second connection, like the background's, is seen too.
    const other = new LibraryDatabase(db.name);
    opened.push(other);
    await other.bookmarks.where('itemId').equals(principalsMeeting.itemId).delete();
    await waitFor(() => expect(titles()).not.toContain(principalsMeeting.title));
    expect(titles()).toHaveLength(3);
  });

  it('filters by text over title, note and tags, ignoring accents and case', async () => {
    const db = await seededDb();
    await renderPanel(db);
    const filter = screen.getByRole('searchbox', { name: 'Filter saved items' });

    fireEvent.input(filter, { target: { value: 'ORGANIZACION internacional' } }); // in a note, accented
    expect(titles()).toEqual([smugglingBrief.title]);
    fireEvent.input(filter, { target: { value: 'meetings' } }); // a tag
    expect(titles()).toEqual([principalsMeeting.title]);
    fireEvent.input(filter, { target: { value: 'trafficking persons' } }); // every word, anywhere in the title
    expect(titles()).toEqual([smugglingBrief.title, demandPaper.title]);
    expect(screen.getByTestId('bookmarks-filter-summary').textContent).toBe('Showing 2 of 3');

    fireEvent.input(filter, { target: { value: 'zzz' } });
    expect(screen.getByTestId('bookmarks-filtered-empty').textContent).toContain('Nothing saved matches “zzz”');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(titles()).toHaveLength(3);
    expect((filter as HTMLInputElement).value).toBe('');
  });

  it('filters by tag with chips that count bookmarks, case-insensitively', async () => {
    const db = await seededDb();
    await renderPanel(db);
    const group = screen.getByRole('group', { name: 'Filter by tag' });
    // 'labour' and 'Labour' are one tag; the most used first, then alphabetical.
    expect(within(group).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'All 3',
      'Labour (2)', // the spelling of the newest bookmark
      'Demand (1)',
      'meetings (1)',
    ]);

    const labour = within(group).getByRole('button', { name: 'Labour (2)' });
    fireEvent.click(labour);
    expect(labour.getAttribute('aria-pressed')).toBe('true');
    expect(titles()).toEqual([smugglingBrief.title, demandPaper.title]);

    // Tag and text filters combine.
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'meeting' } });
    expect(screen.getByTestId('bookmarks-filtered-empty').textContent).toMatch(/“meeting” with the tag “Labour”/);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });

    fireEvent.click(labour); // again: off
    expect(titles()).toHaveLength(3);
    expect(within(group).getByRole('button', { name: /All/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('edits a note inline: blur or Ctrl/Cmd+Enter saves it with the existing tags, Escape cancels', async () => {
    const db = await seededDb();
    const { api } = await renderPanel(db);
    const demand = within(item(demandPaper));

    fireEvent.click(demand.getByRole('button', { name: `Edit the note on ${demandPaper.title}` }));
    let box = demand.getByRole('textbox', { name: `Note on ${demandPaper.title}` }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('Read before the workshop');
    expect(box.maxLength).toBe(20_000);
    expect(box.getAttribute('dir')).toBe('auto');
    fireEvent.input(box, { target: { value: 'Read before the workshop on demand' } });
    fireEvent.blur(box);

    expect(api.save).toHaveBeenCalledTimes(1);
    expect(api.save).toHaveBeenLastCalledWith({
      itemId: demandPaper.itemId,
      note: 'Read before the workshop on demand',
      tags: ['Demand', 'labour'],
    });
    await waitFor(async () => expect((await db.bookmarks.get(demandPaper.id))?.note).toBe('Read before the workshop on demand'));
    expect(demand.getByTestId('bookmark-note').textContent).toBe('Read before the workshop on demand');

    // Escape cancels: nothing saved, the note unchanged, focus back on the button.
    fireEvent.click(demand.getByRole('button', { name: /Edit the note on/ }));
    box = demand.getByRole('textbox', { name: /Note on/ }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Discarded' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(demand.queryByRole('textbox', { name: /Note on/ })).toBeNull();
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(demand.getByTestId('bookmark-note').textContent).toBe('Read before the workshop on demand');
    expect(document.activeElement).toBe(demand.getByRole('button', { name: /Edit the note on/ }));

    // Ctrl+Enter (and Cmd+Enter) saves; adding a first note to an item without one.
    const meeting = within(item(principalsMeeting));
    fireEvent.click(meeting.getByRole('button', { name: `Add a note to ${principalsMeeting.title}` }));
    box = meeting.getByRole('textbox', { name: /Note on/ }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Ask about the outcome document' } });
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    expect(api.save).toHaveBeenLastCalledWith({ itemId: principalsMeeting.itemId, note: 'Ask about the outcome document', tags: ['meetings'] });
    expect(meeting.queryByRole('textbox', { name: /Note on/ })).toBeNull();
    await waitFor(() => expect(meeting.getByTestId('bookmark-note').textContent).toBe('Ask about the outcome document'));
    expect(api.save).toHaveBeenCalledTimes(2);
  });

  it('does not save a note that did not change, and keeps the text when a save fails', async () => {
    const db = await seededDb();
    const api = inertApi();
    api.save.mockRejectedValueOnce(new Error('Bookmarks are unavailable: disk full'));
    await renderPanel(db, api);
    const demand = within(item(demandPaper));

    fireEvent.click(demand.getByRole('button', { name: /Edit the note on/ }));
    fireEvent.blur(demand.getByRole('textbox', { name: /Note on/ }));
    expect(api.save).not.toHaveBeenCalled();

    fireEvent.click(demand.getByRole('button', { name: /Edit the note on/ }));
    fireEvent.input(demand.getByRole('textbox', { name: /Note on/ }), { target: { value: 'Will fail' } });
    fireEvent.keyDown(demand.getByRole('textbox', { name: /Note on/ }), { key: 'Enter', ctrlKey: true });
    expect((await demand.findByRole('alert')).textContent).toMatch(/The note could not be saved: Bookmarks are unavailable: disk full/);
    expect(demand.getByTestId('bookmark-note').textContent).toBe('Read before the workshop');
    fireEvent.click(demand.getByRole('button', { name: /Edit the note on/ }));
    expect((demand.getByRole('textbox', { name: /Note on/ }) as HTMLTextAreaElement).value).toBe('Will fail');
  });

  it('adds tags with Enter or comma and removes them, normalised like the store, saving through the api', async () => {
    const db = await seededDb();
    const { api } = await renderPanel(db);
    const demand = within(item(demandPaper));
    const field = demand.getByRole('textbox', { name: `Add a tag to ${demandPaper.title}` }) as HTMLInputElement;
    const shownTags = () => within(demand.getByRole('list', { name: /Tags of/ })).getAllByRole('listitem').map((li) => li.textContent?.replace('×', ''));

    fireEvent.input(field, { target: { value: '  Forced   labour ' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(api.save).toHaveBeenLastCalledWith({ itemId: demandPaper.itemId, tags: ['Demand', 'labour', 'Forced labour'] });
    expect(field.value).toBe('');
    await waitFor(async () => expect((await db.bookmarks.get(demandPaper.id))?.tags).toEqual(['Demand', 'labour', 'Forced labour']));
    await waitFor(() => expect(shownTags()).toEqual(['Demand', 'labour', 'Forced labour']));

    // A comma adds too; a tag that is already there in another case is not added again.
    fireEvent.input(field, { target: { value: 'DEMAND' } });
    fireEvent.keyDown(field, { key: ',' });
    expect(api.save).toHaveBeenCalledTimes(1);
    // Pasting several, comma-separated: all but the text after the last comma are added.
    fireEvent.input(field, { target: { value: 'Europe, , policy, draf' } });
    expect(api.save).toHaveBeenLastCalledWith({ itemId: demandPaper.itemId, tags: ['Demand', 'labour', 'Forced labour', 'Europe', 'policy'] });
    expect(field.value).toBe(' draf');
    await waitFor(() => expect(shownTags()).toHaveLength(5));

    fireEvent.click(demand.getByRole('button', { name: `Remove tag labour from ${demandPaper.title}` }));
    expect(api.save).toHaveBeenLastCalledWith({ itemId: demandPaper.itemId, tags: ['Demand', 'Forced labour', 'Europe', 'policy'] });
    expect(document.activeElement).toBe(field);
    await waitFor(() => expect(shownTags()).toEqual(['Demand', 'Forced labour', 'Europe', 'policy']));
    expect(api.save).toHaveBeenCalledTimes(3);
  });

  it('removes with Undo: Undo saves the item again with the same note, tags and foundAt', async () => {
    const db = await seededDb();
    const { api } = await renderPanel(db);

    fireEvent.click(within(item(demandPaper)).getByRole('button', { name: `Remove ${demandPaper.title} from saved` }));
    expect(api.remove).toHaveBeenCalledWith(demandPaper.itemId);
    expect(titles()).not.toContain(demandPaper.title); // at once, before the background answers
    const bar = screen.getByTestId('bookmarks-undo');
    expect(bar.textContent).toContain(`Removed ${demandPaper.title}.`);
    expect(bar.closest('[role="status"]')).toBeTruthy();
    // Focus moved to the item before (the removed one was last), not lost.
    expect(document.activeElement).toBe(within(item(principalsMeeting)).getByRole('button', { name: principalsMeeting.title }));
    await waitFor(async () => expect(await db.bookmarks.get(demandPaper.id)).toBeUndefined());

    const undo = within(bar).getByRole('button', { name: /Undo/ });
    undo.focus(); // as a click or a keypress does
    fireEvent.click(undo);
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save).toHaveBeenCalledWith({
      itemId: demandPaper.itemId,
      note: demandPaper.note,
      tags: demandPaper.tags,
      foundAt: demandPaper.foundAt,
    });
    expect(api.remove.mock.invocationCallOrder[0]!).toBeLessThan(api.save.mock.invocationCallOrder[0]!);
    expect(screen.queryByTestId('bookmarks-undo')).toBeNull();
    // Back in the list, with a new creation time: at the top.
    await waitFor(() => expect(titles()[0]).toBe(demandPaper.title));
    const restored = await db.bookmarks.where('itemId').equals(demandPaper.itemId).first();
    expect(restored).toMatchObject({ note: demandPaper.note, tags: demandPaper.tags, foundAt: demandPaper.foundAt });
    await waitFor(() => expect(document.activeElement).toBe(within(item(demandPaper)).getByRole('button', { name: demandPaper.title })));
  });

  it('Undo waits for the removal to finish before saving again', async () => {
    const db = await seededDb();
    const api = inertApi();
    let finishRemoval!: () => void;
    api.remove.mockImplementationOnce(() => new Promise<void>((resolve) => (finishRemoval = resolve)));
    await renderPanel(db, api);
    fireEvent.click(within(item(principalsMeeting)).getByRole('button', { name: /from saved$/ }));
    fireEvent.click(within(screen.getByTestId('bookmarks-undo')).getByRole('button', { name: /Undo/ }));
    await new Promise((r) => setTimeout(r, 10));
    expect(api.save).not.toHaveBeenCalled();
    finishRemoval();
    await waitFor(() =>
      expect(api.save).toHaveBeenCalledWith({ itemId: principalsMeeting.itemId, note: '', tags: ['meetings'] }),
    );
  });

  it('a note saved right after a tag change carries the new tags, not the stored ones', async () => {
    const db = await seededDb();
    const api = inertApi(); // the live list never catches up: only the pending tags know the new one
    await renderPanel(db, api);
    const meeting = within(item(principalsMeeting));
    const field = meeting.getByRole('textbox', { name: /Add a tag/ });
    fireEvent.input(field, { target: { value: 'follow-up' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.click(meeting.getByRole('button', { name: /Add a note to/ }));
    const box = meeting.getByRole('textbox', { name: /Note on/ });
    fireEvent.input(box, { target: { value: 'Ask for the minutes' } });
    fireEvent.blur(box);
    expect(api.save).toHaveBeenLastCalledWith({
      itemId: principalsMeeting.itemId,
      note: 'Ask for the minutes',
      tags: ['meetings', 'follow-up'],
    });
  });

  it('puts the item back and explains when the removal fails', async () => {
    const db = await seededDb();
    const api = inertApi();
    api.remove.mockRejectedValueOnce(new Error('The extension background did not answer.'));
    await renderPanel(db, api);
    fireEvent.click(within(item(principalsMeeting)).getByRole('button', { name: /from saved$/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be removed: The extension background did not answer/);
    expect(titles()).toContain(principalsMeeting.title);
    expect(screen.queryByTestId('bookmarks-undo')).toBeNull();
  });

  it('hides the Undo bar after the timeout, and holds it while the pointer is over it', async () => {
    const db = await seededDb();
    const api = inertApi();
    await renderPanel(db, api);
    // Only timers: fake-indexeddb schedules with setImmediate, which stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    fireEvent.click(within(item(smugglingBrief)).getByRole('button', { name: /from saved$/ }));
    expect(screen.getByTestId('bookmarks-undo')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(BOOKMARK_UNDO_TIMEOUT_MS - 1);
    });
    expect(screen.getByTestId('bookmarks-undo')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(screen.queryByTestId('bookmarks-undo')).toBeNull();
    expect(api.save).not.toHaveBeenCalled();

    fireEvent.click(within(item(principalsMeeting)).getByRole('button', { name: /from saved$/ }));
    fireEvent.mouseEnter(screen.getByTestId('bookmarks-undo'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(BOOKMARK_UNDO_TIMEOUT_MS * 3);
    });
    expect(screen.getByTestId('bookmarks-undo')).toBeTruthy();
    fireEvent.mouseLeave(screen.getByTestId('bookmarks-undo'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(BOOKMARK_UNDO_TIMEOUT_MS);
    });
    expect(screen.queryByTestId('bookmarks-undo')).toBeNull();

    // Focus inside the bar holds it too (a keyboard reader on their way to Undo).
    fireEvent.click(within(item(demandPaper)).getByRole('button', { name: /from saved$/ }));
    const undo = within(screen.getByTestId('bookmarks-undo')).getByRole('button', { name: /Undo/ });
    fireEvent.focusIn(undo);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(BOOKMARK_UNDO_TIMEOUT_MS * 2);
    });
    expect(screen.getByTestId('bookmarks-undo')).toBeTruthy();
    fireEvent.focusOut(undo, { relatedTarget: null });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(BOOKMARK_UNDO_TIMEOUT_MS);
    });
    expect(screen.queryByTestId('bookmarks-undo')).toBeNull();
  });

  it('shows why bookmarks are unavailable instead of a list, without opening the database', async () => {
    const db = new LibraryDatabase(`bookmarks-panel-test-${++dbCount}`);
    opened.push(db);
    const api = inertApi();
    render(
      <BookmarksPanel
        db={db}
        api={api}
        onOpenRecord={vi.fn()}
        unavailableReason="Bookmarks are unavailable: the browser does not allow IndexedDB here (for example in a private window)"
      />,
    );
    expect(screen.getByTestId('bookmarks-unavailable').textContent).toMatch(/does not allow IndexedDB here/);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('list')).toBeNull();
    expect(db.isOpen()).toBe(false);
  });

  it('says when the database cannot be read', async () => {
    // Like a private window where the browser refuses IndexedDB.
    const refusing = {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const db = new LibraryDatabase(`bookmarks-panel-test-${++dbCount}`, { indexedDB: refusing, IDBKeyRange });
    render(<BookmarksPanel db={db} api={inertApi()} onOpenRecord={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Saved items could not be read: .*did not allow mutations/);
  });

  it('has an empty state, and a filtered-empty state', async () => {
    const db = await seededDb([]);
    render(<BookmarksPanel db={db} api={backgroundLikeApi(db)} onOpenRecord={vi.fn()} />);
    expect((await screen.findByTestId('bookmarks-empty')).textContent).toBe(
      "Nothing saved yet. Hover a paper's name on any page and choose Save.",
    );
    expect(screen.queryByRole('searchbox')).toBeNull();

    await db.bookmarks.add(structuredClone(principalsMeeting));
    const filter = await screen.findByRole('searchbox', { name: 'Filter saved items' });
    fireEvent.input(filter, { target: { value: 'demand' } });
    expect(screen.getByTestId('bookmarks-filtered-empty').textContent).toContain('Nothing saved matches “demand”.');
  });
});
