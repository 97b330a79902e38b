import { useEffect, useRef, useState } from 'preact/hooks';
import { useAsync } from '@/components/use-async';
import { t } from '@/lib/i18n/t';
import type { TimelineData } from '@/lib/library/timeline';
import { askBackground } from '@/lib/messaging/background-client';
import { LoadError } from './LoadError';
import { Timeline } from './Timeline';

/**
 * The library's timeline page (`#/timeline`): asks the background for the timeline and draws it.
 *
 * `get-timeline` is cast because the protocol may not list it yet; once it does, the cast still type-checks
 * and the answer is TimelineData either way.
 */
const loadTimeline = (): Promise<TimelineData> => askBackground({ type: 'get-timeline' } as never) as Promise<TimelineData>;

export function TimelinePage() {
  const [attempt, setAttempt] = useState(0);
  const timeline = useAsync(loadTimeline, [attempt]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ready = timeline.state === 'ready';

  useEffect(() => {
    document.title = `${t('timelineTitle')} · ${t('libraryTitle')}`;
  }, []);
  // Following a link only changes the hash: focus the heading so a screen reader hears the new page.
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  if (timeline.state === 'loading') {
    return (
      <p class="muted" role="status">
        {t('timelineDrawing')}
      </p>
    );
  }
  if (timeline.state === 'error') return <LoadError message={timeline.message} onRetry={() => setAttempt((n) => n + 1)} />;
  const { from, to } = timeline.value.range;
  return (
    <section class="timeline-page" aria-labelledby="timeline-heading">
      <header class="timeline-intro">
        <h1 id="timeline-heading" ref={headingRef} tabIndex={-1}>
          {t('timelineHeading', [String(from), String(to)])}
        </h1>
        <p>{t('timelineIntro')}</p>
      </header>
      <Timeline data={timeline.value} />
    </section>
  );
}
