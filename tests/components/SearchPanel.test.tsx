import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SearchPanel } from '@/components/SearchPanel';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { buildSearchFromSource } from '@/lib/search/library-search';
import { bundledDataset } from '../helpers/bundled-matcher';

const library = await buildSearchFromSource(memoryRecordSource(bundledDataset()));
const search = vi.fn(async (query: string, filters: object) => library.search(query, filters));
const type = (text: string) => fireEvent.input(screen.getByRole('combobox'), { target: { value: text } });
const options = () => screen.queryAllByRole('option');

describe('SearchPanel', () => {
  it('searches the real library as the reader types and says why a result matched', async () => {
    render(<SearchPanel search={search} />);
    type('OIT');
    await waitFor(() => expect(options()[0]?.textContent).toContain('International Labour Organization'));
    expect(options()[0]!.textContent).toMatch(/OIT/); // the snippet: the form that matched
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const onOpen = vi.fn();
    render(<SearchPanel search={search} onOpen={onOpen} />);
    type('vienna');
    await waitFor(() => expect(options().length).toBeGreaterThan(2));
    const box = screen.getByRole('combobox');
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' }); // wraps to the last
    expect(options().at(-1)!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: options().at(-1)!.dataset.id }));
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('filters by kind and by year', async () => {
    render(<SearchPanel search={search} />);
    type('vienna');
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: 'Papers' }));
    await waitFor(() => expect(search).toHaveBeenLastCalledWith('vienna', { kinds: ['publication'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Events' }));
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2014' } });
    fireEvent.input(screen.getByLabelText('to'), { target: { value: '2014' } });
    await waitFor(() => expect(options().map((o) => o.dataset.id)).toEqual(['2014-10-vienna-demand-paper-launch']));
  });

  it('stars papers and events when bookmarks are offered', async () => {
    const saved = new Set<string>();
    const bookmarks = {
      states: vi.fn(async () => new Set(saved)),
      toggle: vi.fn(async (id: string, save: boolean) => void (save ? saved.add(id) : saved.delete(id))),
    };
    render(<SearchPanel search={search} bookmarks={bookmarks} />);
    type('addressing demand');
    const star = await screen.findByRole('button', { name: /^Save: Preventing trafficking in persons by addressing demand/ });
    fireEvent.click(star);
    await waitFor(() => expect(screen.getByRole('button', { name: /^Saved: Preventing/ }).getAttribute('aria-pressed')).toBe('true'));
    expect(bookmarks.toggle).toHaveBeenCalledWith('icat-policy-paper-2-demand', true);
  });

  it('says when nothing matches, shows errors, and does not search a blank query', async () => {
    const failing = vi.fn(async (q: string) => {
      if (q === 'boom') throw new Error('The library is not ready.');
      return [];
    });
    render(<SearchPanel search={failing} />);
    type('   ');
    await new Promise((r) => setTimeout(r, 0));
    expect(failing).not.toHaveBeenCalled();
    type('zzzz');
    await waitFor(() => expect(screen.getByText(/Nothing in the library matches “zzzz”/)).toBeTruthy());
    type('boom');
    await waitFor(() => expect(screen.getByText('The library is not ready.')).toBeTruthy());
  });
});
