import { browser } from 'wxt/browser';
import type { ContentRequest, PageEntitiesResponse } from './protocol';

/**
 * Asks a tab's content script what it found. Resolves null where no content script can run (browser
 * pages, the web store, PDFs) or it did not answer in the expected shape.
 */
export async function askTabForPageEntities(tabId: number): Promise<PageEntitiesResponse | null> {
  try {
    const request: ContentRequest = { type: 'page-entities' };
    const reply = (await browser.tabs.sendMessage(tabId, request)) as Partial<PageEntitiesResponse> | undefined;
    return reply && (reply.status === 'idle' || reply.status === 'scanning') && Array.isArray(reply.entities)
      ? (reply as PageEntitiesResponse)
      : null;
  } catch {
    return null;
  }
}

/** The tab the popup is about: `?tab=<id>` when given (tests, the library page), else the active tab. */
export async function targetTabId(search: string = location.search): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
