/**
 * The keyboard route to the cards: every mention found on the page in one listbox. The content script
 * opens it from a shortcut, moves to the chosen mention and opens its card (onChoose).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { kindLabel } from '@/components/kind-labels';
import type { EntityKind } from '@/lib/data/schema';
import { pluralKey, t, uiLanguage } from '@/lib/i18n/t';
import type { ForcedTheme } from './theme';
import { trusted } from './trusted';

export interface PageMention {
  /** Identifies this mention (or group of mentions) to the caller. */
  key: string;
  entityId: string;
  name: string;
  kind: EntityKind;
  snippet: string;
  count: number;
}

export interface MentionsListProps {
  mentions: PageMention[];
  onChoose(key: string): void;
  onClose(): void;
  /** Forces light or dark; by default the list follows the system's colour scheme. */
  theme?: ForcedTheme;
}

export function MentionsList({ mentions, onChoose, onClose, theme }: MentionsListProps) {
  const base = `icat-list-${useId()}`;
  const optionId = (index: number) => `${base}-option-${index}`;
  const [active, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The list may shrink while open (the page changed); keep the active option inside it.
  const activeIndex = Math.max(0, Math.min(active, mentions.length - 1));

  useEffect(() => {
    (listRef.current ?? rootRef.current)?.focus();
  }, []);

  useEffect(() => {
    listRef.current?.children[activeIndex]?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const onListKeyDown = trusted((event: KeyboardEvent) => {
    const last = mentions.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = activeIndex >= last ? 0 : activeIndex + 1;
    else if (event.key === 'ArrowUp') next = activeIndex <= 0 ? last : activeIndex - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter') {
      const chosen = mentions[activeIndex];
      if (chosen) onChoose(chosen.key);
    } else return;
    // Handled here: the page must neither scroll nor run its own shortcuts for these keys.
    event.preventDefault();
    event.stopPropagation();
    if (next !== null) setActive(next);
  });

  const onRootKeyDown = trusted((event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  });

  return (
    <div
      ref={rootRef}
      class="icat-root icat-list"
      lang={uiLanguage()}
      role="dialog"
      aria-labelledby={`${base}-heading`}
      data-theme={theme}
      tabIndex={-1}
      onKeyDown={onRootKeyDown}
    >
      <header class="icat-list-header">
        <h2 id={`${base}-heading`} class="icat-list-title">
          {t('mentionsTitle')}
        </h2>
        <button type="button" class="icat-close" aria-label={t('close')} onClick={trusted(() => onClose())}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {mentions.length === 0 ? (
        <p class="icat-empty">{t('mentionsNone')}</p>
      ) : (
        <>
          <ul
            ref={listRef}
            class="icat-options"
            role="listbox"
            aria-label={t('mentionsListAria')}
            aria-activedescendant={optionId(activeIndex)}
            tabIndex={0}
            onKeyDown={onListKeyDown}
          >
            {mentions.map((mention, index) => (
              <li
                key={mention.key}
                id={optionId(index)}
                class="icat-option"
                role="option"
                aria-selected={index === activeIndex}
                onClick={trusted(() => {
                  setActive(index);
                  onChoose(mention.key);
                })}
              >
                <span class="icat-option-name" dir="auto">
                  {mention.name}
                </span>
                <span class="icat-option-meta">
                  {kindLabel(mention.kind)} · {t(pluralKey('mentionCount', mention.count), String(mention.count))}
                </span>
                <span class="icat-option-snippet" dir="auto">
                  {mention.snippet}
                </span>
              </li>
            ))}
          </ul>
          <p class="icat-hint" aria-hidden="true">
            {t('mentionsHint')}
          </p>
        </>
      )}
    </div>
  );
}
