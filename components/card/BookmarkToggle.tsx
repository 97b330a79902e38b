import { t } from '@/lib/i18n/t';
import { trusted } from './trusted';

export type BookmarkAvailability = { available: true } | { available: false; reason: string };

interface BookmarkToggleProps {
  itemId: string;
  /** Named in the accessible label: a list of "Save" buttons is otherwise indistinguishable. */
  itemTitle: string;
  saved: boolean;
  bookmarks: BookmarkAvailability;
  /** Id of an element that states why bookmarks are unavailable (disabled buttons cannot be focused). */
  reasonId?: string;
  onToggle(itemId: string): void;
}

/** "Save" / "Saved" as a toggle button; disabled, with the reason, when bookmarks cannot be stored. */
export function BookmarkToggle({ itemId, itemTitle, saved, bookmarks, reasonId, onToggle }: BookmarkToggleProps) {
  const label = saved ? t('saved') : t('save');
  const unavailable = !bookmarks.available;
  return (
    <button
      type="button"
      class="icat-save"
      aria-pressed={saved}
      aria-label={t(saved ? 'savedAria' : 'saveAria', itemTitle)}
      disabled={unavailable}
      title={unavailable ? bookmarks.reason : undefined}
      aria-describedby={unavailable ? reasonId : undefined}
      onClick={trusted(() => onToggle(itemId))}
    >
      {label}
    </button>
  );
}
