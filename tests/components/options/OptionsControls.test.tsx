import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DisabledSites } from '@/components/options/DisabledSites';
import { ThemeSetting } from '@/components/options/ThemeSetting';

describe('ThemeSetting', () => {
  it('shows the current choice and reports a new one', () => {
    const onChange = vi.fn();
    render(<ThemeSetting value="system" onChange={onChange} />);
    expect((screen.getByLabelText('Follow the system') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Dark'));
    expect(onChange).toHaveBeenCalledWith('dark');
  });
});

describe('DisabledSites', () => {
  it('lists the sites with a way back, or says it runs everywhere', () => {
    const onEnable = vi.fn();
    const { rerender } = render(<DisabledSites sites={['example.org', 'news.test']} onEnable={onEnable} />);
    fireEvent.click(screen.getByRole('button', { name: 'Turn ICAT Lens back on for news.test' }));
    expect(onEnable).toHaveBeenCalledWith('news.test');
    rerender(<DisabledSites sites={[]} onEnable={onEnable} />);
    expect(screen.getByText(/runs on every site/)).toBeTruthy();
  });
});

describe('HighlightSettings', () => {
  it('toggles kinds, style and delay', async () => {
    const { HighlightSettings } = await import('@/components/options/HighlightSettings');
    const { DEFAULT_SETTINGS } = await import('@/lib/settings/settings');
    const onChange = vi.fn();
    render(<HighlightSettings settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('People'));
    expect(onChange).toHaveBeenLastCalledWith({ highlightKinds: ['agency', 'term', 'publication'] });
    fireEvent.click(screen.getByLabelText('Underline only'));
    expect(onChange).toHaveBeenLastCalledWith({ highlightStyle: 'underline' });
    fireEvent.click(screen.getByLabelText('Long (0.9 s)'));
    expect(onChange).toHaveBeenLastCalledWith({ hoverDelay: 'long' });
  });
});
