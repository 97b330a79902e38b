import { useEffect, useRef } from 'preact/hooks';
import { t, tParts } from '@/lib/i18n/t';

/** A record the library does not have (a stale link, a dataset update that dropped it) or a bad address. */
export function NotFound({ what }: { what: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section class="state-panel" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" ref={headingRef} tabIndex={-1}>
        {t('notFoundHeading')}
      </h1>
      <p>{tParts('notFoundBody', [<code>{what}</code>])}</p>
      <p>
        <a href="#/">{t('searchHeading')}</a>
      </p>
    </section>
  );
}
