import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BookmarkAvailability } from '@/components/card/BookmarkToggle';
import { t } from '@/lib/i18n/t';
import { askBackground } from '@/lib/messaging/background-client';
import type { BookmarkStates } from '@/lib/messaging/protocol';

/** The background answers at most this many ids per `get-bookmark-states` (see protocol.ts). */
const MAX_IDS = 500;

export interface BookmarkControls {
  availability: BookmarkAvailability;
  saved: ReadonlySet<string>;
  toggle(itemId: string): void;
  /** Why the last save or removal failed, until the next one. */
  error: string | null;
}

/** Which of `itemIds` are bookmarked, and a toggle that saves or removes one through the background. */
export function useBookmarkStates(itemIds: readonly string[]): BookmarkControls {
  const key = itemIds.join(' ');
  const [states, setStates] = useState<BookmarkStates | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setStates(null);
    if (itemIds.length === 0) return;
    askBackground({ type: 'get-bookmark-states', itemIds: itemIds.slice(0, MAX_IDS) }).then(
      (answer) => current && setStates(answer),
      (failure: unknown) => current && setStates({ available: false, reason: t('bookmarksReadFailed', messageOf(failure)) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const saved = useMemo(() => new Set(states?.available ? states.saved : []), [states]);

  const toggle = (itemId: string) => {
    if (!states?.available) return;
    const wasSaved = saved.has(itemId);
    setError(null);
    const request = wasSaved
      ? askBackground({ type: 'remove-bookmark', itemId })
      : askBackground({ type: 'save-bookmark', itemId });
    request.then(
      () =>
        setStates((now) => {
          if (!now?.available) return now;
          const rest = now.saved.filter((id) => id !== itemId);
          return { available: true, saved: wasSaved ? rest : [...rest, itemId] };
        }),
      (failure: unknown) => setError(t(wasSaved ? 'bookmarkRemoveFailed' : 'bookmarkSaveFailed', messageOf(failure))),
    );
  };

  const availability: BookmarkAvailability =
    states === null ? { available: false, reason: t('bookmarksChecking') } : states.available ? { available: true } : states;
  return { availability, saved, toggle, error };
}

const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));
