import type { ComponentChildren } from 'preact';
import { httpUrl } from '@/components/card/safe-url';
import { t } from '@/lib/i18n/t';

/** An http(s) link that opens in a new tab; any other URL is shown as text and never becomes a link. */
export function ExternalLink({ url, children }: { url: string; children?: ComponentChildren }) {
  const href = httpUrl(url);
  if (!href) {
    return (
      <span class="unlinked" title={t('notLinked')}>
        {children ?? url}
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children ?? url}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
