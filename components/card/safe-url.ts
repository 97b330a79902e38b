/**
 * Dataset URLs are validated as http(s) when the dataset is loaded, but a data pack or a future import
 * could still carry `javascript:` or `data:` URLs. Everything that becomes an <a href> passes through
 * here first, so a bad URL is shown as text at worst, never followed.
 */
export function httpUrl(url: string | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** 'icat.un.org' for 'https://www.icat.un.org/about': short enough for a link label. */
export function urlHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
