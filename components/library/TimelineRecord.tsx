import { kindLabel } from '@/components/kind-labels';
import { t, tParts } from '@/lib/i18n/t';
import type { TimelineItem } from '@/lib/library/timeline';
import { formatPartialDate } from './format-date';
import { recordHref } from './route';
import { capitalise, shortDate, type AnyTimelineItem } from './timeline-view';

interface TimelineRecordProps {
  item: AnyTimelineItem;
  /** Papers launched or presented at this event, drawn inside it. */
  attached?: readonly AnyTimelineItem[];
  /** The event a paper was launched at, when the paper is drawn on its own. */
  launchedAt?: TimelineItem;
  /** Where the record is drawn ('year', 'undated'): an undated paper can be drawn twice, and ids must differ. */
  place: string;
  /** Drawn inside its event: no marker on the axis. */
  nested?: boolean;
}

/**
 * One event or paper: its date under the year heading, what it is, where, and its title as a link to its
 * record. The link's description is the line above it, so a screen reader hears the date and kind too.
 */
export function TimelineRecord({ item, attached = [], launchedAt, place, nested = false }: TimelineRecordProps) {
  const metaId = `tl-${place}-${item.id}`;
  const attachedId = `${metaId}-attached`;
  const isEvent = item.kind === 'event';
  const date = 'date' in item ? item.date : undefined;
  const classes = ['tl-record', isEvent ? 'tl-event' : 'tl-paper', nested ? 'tl-nested' : ''].filter(Boolean).join(' ');
  return (
    <li class={classes} data-id={item.id}>
      {date ? (
        <time class="tl-date" dateTime={date}>
          {shortDate(date)}
          {date.length > 4 && <span class="visually-hidden"> {date.slice(0, 4)}</span>}
        </time>
      ) : (
        <span class="tl-date tl-no-date" aria-hidden="true">
          —
        </span>
      )}
      <div class="tl-body">
        <p class="tl-meta" id={metaId}>
          <span class="tl-kind">{kindLabel(isEvent ? 'event' : 'publication')}</span>
          {item.type && <span class="tl-type">{capitalise(item.type)}</span>}
          {item.city && (
            <span class="tl-city" dir="auto">
              {item.city}
            </span>
          )}
          {!date && <span class="tl-undated-label">{t('undated')}</span>}
        </p>
        <a class="tl-title" href={recordHref(item.kind, item.id)} dir="auto" aria-describedby={metaId}>
          {item.title}
        </a>
        {!date && !nested && item.dateNote && (
          <p class="tl-note" dir="auto">
            {item.dateNote}
          </p>
        )}
        {launchedAt && (
          <p class="tl-launched-at">
            {tParts('timelineLaunchedAt', [
              <a href={recordHref('event', launchedAt.id)} dir="auto">
                {launchedAt.title}
              </a>,
            ])}{' '}
            <span class="muted">({formatPartialDate(launchedAt.date)})</span>
          </p>
        )}
        {attached.length > 0 && (
          <div class="tl-attached">
            <p class="tl-attached-label" id={attachedId}>
              {t('timelineAttached')}
            </p>
            <ul class="tl-records" aria-labelledby={attachedId}>
              {attached.map((paper) => (
                <TimelineRecord key={paper.id} item={paper} place={place} nested />
              ))}
            </ul>
          </div>
        )}
      </div>
    </li>
  );
}
