import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tParts } from '@/lib/i18n/t';
import { BOOKMARK_UNDO_TIMEOUT_MS } from './constants';

interface UndoBarProps {
  /** The title of the removed item, named in the message. */
  title: string;
  onUndo(): void;
  /** Called once the delay passes without the reader hovering or focusing the bar. */
  onExpire(): void;
}

/**
 * "Removed <title>. Undo", for BOOKMARK_UNDO_TIMEOUT_MS. The timer stops while the pointer is over the bar
 * or focus is inside it, and starts again in full when both leave. Render it inside a live region that
 * exists before it appears (the panel does), so screen readers announce it; give it a new `key` per removal
 * so each one gets the full delay.
 */
export function UndoBar({ title, onUndo, onExpire }: UndoBarProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (hovered || focused) return;
    const timer = setTimeout(() => expire.current(), BOOKMARK_UNDO_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [hovered, focused]);

  return (
    <div
      ref={bar}
      class="bm-undo"
      data-testid="bookmarks-undo"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        if (!next || !bar.current?.contains(next)) setFocused(false);
      }}
    >
      <span class="bm-undo-text">
        {tParts('undoRemoved', [<bdi class="bm-undo-title">{title}</bdi>])}
      </span>
      <button type="button" class="bm-undo-button" onClick={onUndo} aria-label={t('undoAria', title)}>
        {t('undo')}
      </button>
    </div>
  );
}
