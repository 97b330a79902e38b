import { httpUrl, urlHost } from './safe-url';

/** The record's source as an external link; nothing at all when the URL is not http(s). */
export function SourceLink({ url, label = 'Source' }: { url: string | undefined; label?: string }) {
  const href = httpUrl(url);
  if (!href) return null;
  return (
    <a class="icat-source" href={href} target="_blank" rel="noopener noreferrer">
      {label}: {urlHost(href)}
      <span class="icat-visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
