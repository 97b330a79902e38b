import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { OnThisPage } from '@/components/OnThisPage';

describe('OnThisPage', () => {
  it('says plainly when the extension cannot read the page', () => {
    render(<OnThisPage page={{ state: 'ready', value: null }} />);
    expect(screen.getByTestId('page-unavailable').textContent).toMatch(/cannot read this page/);
  });

  it('shows the scan statistics and the entities with their counts', () => {
    render(
      <OnThisPage
        page={{
          state: 'ready',
          value: {
            status: 'idle',
            stats: { textNodes: 1200, chars: 45000, scanMs: 12.5 },
            entities: [{ id: 'unodc', kind: 'agency', name: 'United Nations Office on Drugs and Crime (UNODC)', count: 4 }],
          },
        }}
      />,
    );
    expect(screen.getByTestId('page-stats').textContent).toMatch(/1,200 text blocks, 45,000 characters read in 12.5 ms/);
    expect(screen.getByText('United Nations Office on Drugs and Crime (UNODC)')).toBeTruthy();
    expect(screen.getByRole('button', { name: /United Nations Office on Drugs and Crime \(UNODC\): 4 mentions/ })).toBeTruthy();
  });

  it('says when nothing was found', () => {
    render(<OnThisPage page={{ state: 'ready', value: { status: 'scanning', stats: { textNodes: 1, chars: 5, scanMs: 1 }, entities: [] } }} />);
    expect(screen.getByText(/No agencies or terms/)).toBeTruthy();
    expect(screen.getByTestId('page-stats').textContent).toMatch(/^Scanning/);
  });
});
