import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { BOOKMARK_NOTE_MAX_LENGTH } from '@/lib/constants';
import { t, uiLanguage } from '@/lib/i18n/t';

interface NoteEditorProps {
  /** The stored note ('' for none). */
  note: string;
  /** The item's title, named in the labels: a list of "Edit note" buttons is otherwise indistinguishable. */
  itemTitle: string;
  onSave(note: string): Promise<void>;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const saveKeys = () => `${IS_MAC ? '⌘' : 'Ctrl'}+${t('keyEnter')}`;

/**
 * The note of a bookmark, shown as text with an "Edit note" / "Add note" button. Editing opens a textarea
 * that saves when it loses focus or on Ctrl/Cmd+Enter; Escape cancels. While a save is on its way the new
 * text is shown; the stored note (from the live query) takes over as soon as it changes. A failed save keeps
 * the reader's text for the next edit.
 */
export function NoteEditor({ note, itemTitle, onSave }: NoteEditorProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  /** The note being saved, and the stored note it replaces: dropped once the stored note differs from that. */
  const [pending, setPending] = useState<{ note: string; base: string } | null>(null);
  const [failedDraft, setFailedDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Set once an edit is saved or cancelled, so the blur that follows does not save it again. */
  const finished = useRef(true);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (editing) {
      const area = textarea.current;
      area?.focus();
      area?.setSelectionRange(area.value.length, area.value.length);
    } else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  // Once the stored note changes (our save arrived, or another page edited it), the stored one shows.
  const shown = pending !== null && pending.base === note ? pending.note : note;

  const start = () => {
    setDraft(failedDraft ?? shown);
    setError(null);
    finished.current = false;
    setEditing(true);
  };

  const finish = (save: boolean, byKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    returnFocus.current = byKeyboard;
    setEditing(false);
    if (!save) return;
    // A note of only blank space is no note.
    const value = draft.trim() === '' ? '' : draft;
    if (value === shown) {
      setFailedDraft(null);
      return;
    }
    const mine = { note: value, base: note };
    setPending(mine);
    setFailedDraft(null);
    onSave(value).catch((failure: unknown) => {
      setPending((now) => (now === mine ? null : now));
      setFailedDraft(value);
      setError(t('noteSaveFailed', failure instanceof Error ? failure.message : String(failure)));
    });
  };

  if (editing) {
    return (
      <div class="bm-note bm-note-editing">
        <label class="bm-visually-hidden" for={`${id}-note`}>
          {t('noteLabel', itemTitle)}
        </label>
        <textarea
          ref={textarea}
          id={`${id}-note`}
          class="bm-note-input"
          dir="auto"
          rows={3}
          maxLength={BOOKMARK_NOTE_MAX_LENGTH}
          value={draft}
          aria-describedby={`${id}-hint`}
          onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
          onBlur={() => finish(true, false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              finish(true, true);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              finish(false, true);
            }
          }}
        />
        <p id={`${id}-hint`} class="muted bm-hint">
          {t('noteHint', saveKeys())}{' '}
          <span class="bm-note-length">
            {t('noteLength', [draft.length.toLocaleString(uiLanguage()), BOOKMARK_NOTE_MAX_LENGTH.toLocaleString(uiLanguage())])}
          </span>
        </p>
      </div>
    );
  }

  return (
    <div class="bm-note">
      {shown !== '' && (
        <p class="bm-note-text" dir="auto" data-testid="bookmark-note">
          {shown}
        </p>
      )}
      <button
        ref={editButton}
        type="button"
        class="link-button bm-small-button"
        aria-label={t(shown === '' ? 'noteAddAria' : 'noteEditAria', itemTitle)}
        onClick={start}
      >
        {shown === '' ? t('noteAdd') : t('noteEdit')}
      </button>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
