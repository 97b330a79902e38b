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
