import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SiteSwitch } from '@/components/SiteSwitch';

describe('SiteSwitch', () => {
  it('shows both switches and flips them', () => {
    const onSiteChange = vi.fn();
    const onGlobalChange = vi.fn();
    render(<SiteSwitch site="example.org" siteEnabled globallyEnabled onSiteChange={onSiteChange} onGlobalChange={onGlobalChange} />);
    const siteSwitch = screen.getByRole('switch', { name: 'ICAT Lens on example.org' });
    expect(siteSwitch.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(siteSwitch);
    expect(onSiteChange).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('switch', { name: 'ICAT Lens everywhere' }));
    expect(onGlobalChange).toHaveBeenCalledWith(false);
  });

  it('greys out the site switch when ICAT Lens is off everywhere, and hides it where it cannot run', () => {
    const { rerender } = render(<SiteSwitch site="example.org" siteEnabled globallyEnabled={false} onSiteChange={vi.fn()} onGlobalChange={vi.fn()} />);
    expect((screen.getByRole('switch', { name: 'ICAT Lens on example.org' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<SiteSwitch site={null} siteEnabled globallyEnabled onSiteChange={vi.fn()} onGlobalChange={vi.fn()} />);
    expect(screen.queryByRole('switch', { name: /on example.org/ })).toBeNull();
  });
});
