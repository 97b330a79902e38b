import { useId, useRef, useState } from 'preact/hooks';
import { BOOKMARK_TAG_MAX_LENGTH, BOOKMARK_TAGS_MAX } from '@/lib/constants';
import { t } from '@/lib/i18n/t';
import { normaliseTags } from '@/lib/library/bookmark-store';

interface TagEditorProps {
  /** The tags to show: the stored ones, or the ones being saved. */
  tags: readonly string[];
  /** The item's title, named in the labels. */
  itemTitle: string;
  /** Receives the whole new tag list, already normalised. */
  onSave(tags: string[]): Promise<void>;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * The tags of a bookmark, each with a remove button, and a field that adds tags on Enter or comma (pasting
 * "a, b, c" adds three). Tags are normalised like the store does (normaliseTags: trimmed, blank ones
 * dropped, case-insensitive duplicates merged, first spelling kept). The owner shows the new list while
 * the save is on its way (BookmarkItem); a failed save is explained here.
 */
export function TagEditor({ tags, itemTitle, onSave }: TagEditorProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  const shown = tags;
  const full = shown.length >= BOOKMARK_TAGS_MAX;

  const save = (next: string[]) => {
    if (sameTags(next, shown)) return;
    if (next.length > BOOKMARK_TAGS_MAX) {
      setError(t('tagsMax', String(BOOKMARK_TAGS_MAX)));
      return;
    }
    setError(null);
    onSave(next).catch((failure: unknown) => {
      setError(t('tagsSaveFailed', failure instanceof Error ? failure.message : String(failure)));
    });
  };

  /** Adds every comma-separated tag in `text`. */
  const add = (text: string) => {
    const parts = text.split(',').map((part) => part.trim().slice(0, BOOKMARK_TAG_MAX_LENGTH));
    if (parts.every((part) => part.trim() === '')) return;
    save(normaliseTags([...shown, ...parts]));
  };

  const remove = (tag: string) => {
    save(shown.filter((other) => other !== tag));
    // The button goes away with its tag: keep focus in the editor.
    field.current?.focus();
  };

  return (
    <div class="bm-tags-editor">
      {shown.length > 0 && (
        <ul class="bm-tags" aria-label={t('tagsListAria', itemTitle)}>
          {shown.map((tag) => (
            <li key={tag} class="bm-tag">
              <bdi>{tag}</bdi>
              <button type="button" class="bm-tag-remove" aria-label={t('tagRemoveAria', [tag, itemTitle])} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={field}
        type="text"
        class="bm-tag-input"
        dir="auto"
        enterKeyHint="enter"
        placeholder={full ? t('tagsFull', String(BOOKMARK_TAGS_MAX)) : t('tagAdd')}
        aria-label={t('tagAddAria', itemTitle)}
        aria-describedby={`${id}-hint`}
        maxLength={BOOKMARK_TAG_MAX_LENGTH}
        disabled={full}
        value={input}
        onInput={(e) => {
          const target = e.currentTarget as HTMLInputElement;
          const lastComma = target.value.lastIndexOf(',');
          if (lastComma === -1) {
            setInput(target.value);
            return;
          }
          // Pasted text with commas: add what comes before the last one, keep what follows in the field.
          const rest = target.value.slice(lastComma + 1);
          add(target.value.slice(0, lastComma));
          target.value = rest;
          setInput(rest);
        }}
        onKeyDown={(e) => {
          if (e.isComposing) return;
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add(input);
            setInput('');
          }
        }}
      />
      <span id={`${id}-hint`} class="bm-visually-hidden">
        {t('tagHint')}
      </span>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
