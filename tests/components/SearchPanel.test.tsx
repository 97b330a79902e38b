import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SearchPanel } from '@/components/SearchPanel';
import type { SearchHit } from '@/lib/library/title-search';

const hit: SearchHit = {
  id: 'icat-policy-paper-2-demand',
  kind: 'publication',
  title: 'Preventing trafficking in persons by addressing demand',
  subtitle: 'Policy paper 2',
  date: '2014-10',
  rank: 1,
  matched: 'Preventing trafficking in persons by addressing demand',
};

describe('SearchPanel', () => {
  it('searches as the reader types and lists results with kind and year', async () => {
    const search = vi.fn(async (q: string) => (q.startsWith('prev') ? [hit] : []));
    render(<SearchPanel search={search} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'prev' } });
    await waitFor(() => expect(screen.getByText(hit.title)).toBeTruthy());
    expect(screen.getByText('Paper')).toBeTruthy();
    expect(screen.getByText('Policy paper 2 · 2014')).toBeTruthy();
    expect(search).toHaveBeenLastCalledWith('prev');
  });

  it('says so when nothing matches, and shows errors from the background', async () => {
    const search = vi.fn(async (q: string): Promise<SearchHit[]> => {
      if (q === 'boom') throw new Error('The library is not ready.');
      return [];
    });
    render(<SearchPanel search={search} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByText(/Nothing in the library matches “zzz”/)).toBeTruthy());
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'boom' } });
    await waitFor(() => expect(screen.getByText('The library is not ready.')).toBeTruthy());
  });

  it('does not ask the background for a blank query', async () => {
    const search = vi.fn(async () => [hit]);
    render(<SearchPanel search={search} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '   ' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(search).not.toHaveBeenCalled();
  });
});
