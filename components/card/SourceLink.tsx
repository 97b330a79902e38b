import { t } from '@/lib/i18n/t';
import { httpUrl, urlHost } from './safe-url';

/** The record's source as an external link; nothing at all when the URL is not http(s). */
export function SourceLink({ url }: { url: string | undefined }) {
  const href = httpUrl(url);
  if (!href) return null;
  return (
    <a class="icat-source" href={href} target="_blank" rel="noopener noreferrer">
      {t('sourceLink', urlHost(href))}
      <span class="icat-visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
