import { t } from '@/lib/i18n/t';
import { ExternalLink } from './ExternalLink';

/** Every source of a record, as given: the reader can check each statement against them. */
export function SourceList({ sources }: { sources: readonly string[] }) {
  return (
    <section class="record-section" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sourcesHeading')}</h2>
      <ol class="sources">
        {sources.map((url) => (
          <li key={url}>
            <ExternalLink url={url} />
          </li>
        ))}
      </ol>
    </section>
  );
}
