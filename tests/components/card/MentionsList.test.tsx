import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionsList, type MentionsListProps, type PageMention } from '@/components/card/MentionsList';
import { allowUntrustedEventsForTests } from '@/components/card/trusted';

const mentions: PageMention[] = [
  { key: 'm-unodc', entityId: 'unodc', name: 'UNODC', kind: 'agency', snippet: '…the UNODC report on trafficking…', count: 3 },
  { key: 'm-tip', entityId: 'trafficking-in-persons', name: 'Trafficking in persons', kind: 'term', snippet: 'Trafficking in persons is…', count: 1 },
  { key: 'm-protocol', entityId: 'tip-protocol', name: 'Palermo Protocol', kind: 'instrument', snippet: 'بروتوكول منع الاتجار بالأشخاص', count: 2 },
];

function renderList(overrides: Partial<MentionsListProps> = {}) {
  const props: MentionsListProps = { mentions, onChoose: vi.fn(), onClose: vi.fn(), ...overrides };
  render(<MentionsList {...props} />);
  return props;
}

const listbox = () => screen.getByRole('listbox', { name: 'Mentions on this page' });
const selected = () => screen.getByRole('option', { selected: true });

// happy-dom creates events without isTrusted, which trusted() refuses: allow them, except where the
// test is about refusing them.
beforeEach(() => allowUntrustedEventsForTests(true));
afterEach(() => allowUntrustedEventsForTests(false));

describe('MentionsList', () => {
  it('is a focused listbox whose active option is the first mention', () => {
    renderList();
    expect(document.activeElement).toBe(listbox());
    expect(screen.getAllByRole('option')).toHaveLength(3);
    expect(selected().textContent).toContain('UNODC');
    expect(listbox().getAttribute('aria-activedescendant')).toBe(selected().id);
  });

  it('shows name, kind, count and snippet, snippets in their own direction', () => {
    renderList();
    const [first, second, third] = screen.getAllByRole('option');
    expect(within(first!).getByText('Agency · 3 mentions')).toBeTruthy();
    expect(within(second!).getByText('Term · 1 mention')).toBeTruthy();
    expect(within(third!).getByText('Instrument · 2 mentions')).toBeTruthy();
    expect(within(third!).getByText('بروتوكول منع الاتجار بالأشخاص').getAttribute('dir')).toBe('auto');
  });

  it('moves with the arrow keys, wrapping at both ends, and jumps with Home and End', () => {
    renderList();
    const press = (key: string) => fireEvent.keyDown(listbox(), { key });
    press('ArrowDown');
    expect(selected().textContent).toContain('Trafficking in persons');
    expect(listbox().getAttribute('aria-activedescendant')).toBe(selected().id);
    press('ArrowDown');
    press('ArrowDown');
    expect(selected().textContent).toContain('UNODC'); // wrapped from the last to the first
    press('ArrowUp');
    expect(selected().textContent).toContain('Palermo Protocol'); // wrapped from the first to the last
    press('Home');
    expect(selected().textContent).toContain('UNODC');
    press('End');
    expect(selected().textContent).toContain('Palermo Protocol');
    expect(screen.getAllByRole('option', { selected: true })).toHaveLength(1);
  });

  it('chooses the active mention with Enter and closes with Escape', () => {
    const props = renderList();
    fireEvent.keyDown(listbox(), { key: 'ArrowDown' });
    fireEvent.keyDown(listbox(), { key: 'Enter' });
    expect(props.onChoose).toHaveBeenCalledWith('m-tip');
    fireEvent.keyDown(listbox(), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('stops the keys it handles from reaching the page', () => {
    renderList();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      const event = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
      listbox().dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
      expect(pageHandler).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });

  it('chooses a mention on click, and closes with the close button', () => {
    const props = renderList();
    fireEvent.click(screen.getAllByRole('option')[2]!);
    expect(props.onChoose).toHaveBeenCalledWith('m-protocol');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('says so when nothing was found, and still closes with Escape', () => {
    const props = renderList({ mentions: [] });
    expect(screen.getByText('Nothing from the ICAT library was found on this page.')).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
    const root = screen.getByRole('dialog');
    expect(document.activeElement).toBe(root);
    fireEvent.keyDown(root, { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('ignores untrusted (synthetic) events', () => {
    allowUntrustedEventsForTests(false);
    const props = renderList();
    fireEvent.keyDown(listbox(), { key: 'ArrowDown' });
    fireEvent.keyDown(listbox(), { key: 'Enter' });
    fireEvent.keyDown(listbox(), { key: 'Escape' });
    fireEvent.click(screen.getAllByRole('option')[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(selected().textContent).toContain('UNODC');
    expect(props.onChoose).not.toHaveBeenCalled();
    expect(props.onClose).not.toHaveBeenCalled();
  });
});
