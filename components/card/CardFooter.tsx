import { t, tParts } from '@/lib/i18n/t';
import { trusted } from './trusted';

interface CardFooterProps {
  /** The card's entity, once known: "Open in library" needs it. */
  entityId?: string;
  siteName: string;
  onOpenRecord(id: string): void;
  onDisableSite(): void;
  onOpenSettings(): void;
}

export function CardFooter({ entityId, siteName, onOpenRecord, onDisableSite, onOpenSettings }: CardFooterProps) {
  return (
    <footer class="icat-card-footer">
      {entityId !== undefined && (
        <button type="button" class="icat-button icat-primary" onClick={trusted(() => onOpenRecord(entityId))}>
          {t('cardOpenInLibrary')}
        </button>
      )}
      <button type="button" class="icat-button icat-quiet" onClick={trusted(() => onDisableSite())}>
        {tParts('cardDisableOn', [<span dir="auto">{siteName}</span>])}
      </button>
      <button type="button" class="icat-button icat-quiet" onClick={trusted(() => onOpenSettings())}>
        {t('settings')}
      </button>
    </footer>
  );
}
