import type { EntitySummary } from '@/lib/library/entity';
import { t } from '@/lib/i18n/t';
import { trusted } from './trusted';

const CHIP_LIMIT = 8;

interface CardRelatedChipsProps {
  label: string;
  items: EntitySummary[];
  entityId: string;
  onOpenRecord(id: string): void;
}

/** Related agencies, people or terms as one compact line of buttons ("Agencies: UNODC ILO IOM"). */
export function CardRelatedChips({ label, items, entityId, onOpenRecord }: CardRelatedChipsProps) {
  if (items.length === 0) return null;
  const shown = items.slice(0, CHIP_LIMIT);
  const hidden = items.length - shown.length;
  return (
    <div class="icat-chips">
      <span class="icat-chips-label">{label}</span>
      <ul class="icat-chip-list" aria-label={label}>
        {shown.map((item) => {
          // Agencies read best by acronym; the full name stays in the accessible name and the tooltip.
          const short = item.kind === 'agency' && item.subtitle ? item.subtitle : item.title;
          const full = short === item.title ? undefined : `${item.title} (${short})`;
          return (
            <li key={item.id}>
              <button
                type="button"
                class="icat-chip"
                dir="auto"
                title={full}
                aria-label={full}
                onClick={trusted(() => onOpenRecord(item.id))}
              >
                {short}
              </button>
            </li>
          );
        })}
        {hidden > 0 && (
          <li>
            <button type="button" class="icat-chip icat-chip-more" onClick={trusted(() => onOpenRecord(entityId))}>
              {t('cardMoreChips', String(hidden))}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
