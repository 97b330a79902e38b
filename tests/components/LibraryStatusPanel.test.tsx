import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { LibraryStatusPanel } from '@/components/LibraryStatusPanel';
import type { LibraryStatus } from '@/lib/library/open-library';

const counts = { agencies: 21, publications: 34, events: 35, people: 18, terms: 27, contextRules: 9, ambiguities: 22 };

describe('LibraryStatusPanel', () => {
  it('shows the counts a reader cares about, the dataset version and IndexedDB storage', () => {
    const status: LibraryStatus = {
      storage: { mode: 'indexeddb' },
      dataset: { version: '2026.11.30', title: 'ICAT library', seededAt: 0, source: { kind: 'bundled' }, retired: 0 },
      counts,
      bookmarks: { available: true, count: 3 },
    };
    const { container } = render(<LibraryStatusPanel status={status} />);
    expect(container.querySelector('[data-table="publications"] dd')?.textContent).toBe('34');
    expect(container.querySelector('[data-table="bookmarks"] dd')?.textContent).toBe('3');
    expect(container.querySelector('[data-table="contextRules"]')).toBeNull(); // only in the detailed view
    expect(screen.getByTestId('dataset-version').textContent).toContain('2026.11.30');
    expect(screen.getByTestId('storage-state').textContent).toMatch(/IndexedDB/);
  });

  it('explains the read-only fallback and why bookmarks are unavailable', () => {
    const status: LibraryStatus = {
      storage: { mode: 'memory', reason: 'the browser does not allow IndexedDB here (for example in a private window)' },
      dataset: { version: '2026.11.30', title: 'ICAT library', seededAt: null, source: { kind: 'bundled' }, retired: 0 },
      counts,
      bookmarks: { available: false, reason: 'Bookmarks are unavailable: the browser does not allow IndexedDB here' },
    };
    const { container } = render(<LibraryStatusPanel status={status} detailed />);
    expect(screen.getByTestId('storage-state').textContent).toMatch(/Read-only library: the browser does not allow IndexedDB/);
    expect(screen.getByText(/Bookmarks are unavailable/)).toBeTruthy();
    expect(container.querySelector('[data-table="bookmarks"] dd')?.textContent).toBe('—');
    expect(container.querySelector('[data-table="contextRules"] dd')?.textContent).toBe('9');
  });
});
