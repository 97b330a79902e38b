/**
 * The hover card: what ICAT has on the agency or term under the pointer. Purely presentational; the
 * content script renders it inside a closed shadow root with card.css, positions it and owns the state.
 */
import { useId } from 'preact/hooks';
import { kindLabel } from '@/components/kind-labels';
import type { EntityKind } from '@/lib/data/schema';
import { t, uiLanguage } from '@/lib/i18n/t';
import type { EntityDetails } from '@/lib/library/entity';
import type { BookmarkAvailability } from './BookmarkToggle';
import { CardFooter } from './CardFooter';
import { CardReadyBody } from './CardReadyBody';
import type { ForcedTheme } from './theme';
import { trusted } from './trusted';

export type EntityCardState =
  | { status: 'loading'; name: string; kind: EntityKind }
  | { status: 'error'; message: string }
  | { status: 'ready'; details: EntityDetails };

export interface EntityCardProps {
  state: EntityCardState;
  /** Ids of bookmarked items. */
  saved: ReadonlySet<string>;
  bookmarks: BookmarkAvailability;
  /** The page's host name, e.g. "www.example.org". */
  siteName: string;
  onToggleBookmark(itemId: string): void;
  /** Opens the library page on a record. */
  onOpenRecord(id: string): void;
  onDisableSite(): void;
  onOpenSettings(): void;
  onClose(): void;
  /** Forces light or dark; by default the card follows the system's colour scheme. */
  theme?: ForcedTheme;
}

export function EntityCard(props: EntityCardProps) {
  const { state, theme, onClose } = props;
  const ids = useCardIds();
  const heading = headingOf(state);
  return (
    <div
      class="icat-root icat-card"
      lang={uiLanguage()}
      role="dialog"
      aria-labelledby={ids.heading}
      aria-describedby={ids.description}
      aria-busy={state.status === 'loading'}
      data-theme={theme}
      tabIndex={-1}
      onKeyDown={trusted((event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation(); // the page's own Escape handlers should not also fire
        onClose();
      })}
    >
      <header class="icat-card-header">
        <div class="icat-heading-group">
          {heading.kicker && (
            <p class="icat-kicker">
              <span class="icat-kind">{heading.kicker}</span>
              {heading.acronym && <span class="icat-acronym">{heading.acronym}</span>}
            </p>
          )}
          <h2 id={ids.heading} class="icat-title" dir="auto">
            {heading.title}
          </h2>
        </div>
        <button type="button" class="icat-close" aria-label={t('close')} onClick={trusted(() => onClose())}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {state.status === 'loading' && (
        <div class="icat-card-body">
          <p id={ids.description} class="icat-status" role="status">
            {t('cardLoading')}
          </p>
        </div>
      )}
      {state.status === 'error' && (
        <div class="icat-card-body">
          <p id={ids.description} class="icat-error" role="alert" dir="auto">
            {state.message}
          </p>
        </div>
      )}
      {state.status === 'ready' && (
        <CardReadyBody
          details={state.details}
          descriptionId={ids.description}
          bookmarkReasonId={ids.bookmarkReason}
          saved={props.saved}
          bookmarks={props.bookmarks}
          onToggleBookmark={props.onToggleBookmark}
          onOpenRecord={props.onOpenRecord}
        />
      )}
      <CardFooter
        entityId={state.status === 'ready' ? state.details.summary.id : undefined}
        siteName={props.siteName}
        onOpenRecord={props.onOpenRecord}
        onDisableSite={props.onDisableSite}
        onOpenSettings={props.onOpenSettings}
      />
    </div>
  );
}

/** Ids for the ARIA references, prefixed so a card and a list sharing a shadow root cannot collide. */
function useCardIds() {
  const base = `icat-card-${useId()}`;
  return { heading: `${base}-heading`, description: `${base}-description`, bookmarkReason: `${base}-bookmarks` };
}

function headingOf(state: EntityCardState): { title: string; kicker?: string; acronym?: string } {
  switch (state.status) {
    case 'loading':
      return { title: state.name, kicker: kindLabel(state.kind) };
    case 'error':
      return { title: 'ICAT Lens' };
    case 'ready': {
      const { entity, summary } = state.details;
      return {
        title: summary.title,
        kicker: kindLabel(summary.kind),
        acronym: entity.kind === 'agency' ? entity.record.acronym : undefined,
      };
    }
  }
}
