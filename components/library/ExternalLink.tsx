import type { ComponentChildren } from 'preact';
import { httpUrl } from '@/components/card/safe-url';

/** An http(s) link that opens in a new tab; any other URL is shown as text and never becomes a link. */
export function ExternalLink({ url, children }: { url: string; children?: ComponentChildren }) {
  const href = httpUrl(url);
  if (!href) {
    return (
      <span class="unlinked" title="Not a web address, so not linked">
        {children ?? url}
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children ?? url}
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
