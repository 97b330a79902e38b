/**
 * The content script's scan of a page: walks the visible text in time slices and keeps what the
 * `page-entities` message reports. Matching arrives with the detection issue; until then the walk counts
 * text nodes and characters and reports no entities.
 */
import type { PageEntitiesResponse, PageEntity } from '../messaging/protocol';
import { createTimeSlicer, type TimeSlicer } from './time-slicer';
import { isSkippedElement } from './visible-text';

export interface PageScan {
  snapshot(): PageEntitiesResponse;
  /** Resolves when the first full pass over the page is done. */
  done: Promise<void>;
}

export function startPageScan(root: Node, slicer: TimeSlicer = createTimeSlicer(), now = () => performance.now()): PageScan {
  let status: PageEntitiesResponse['status'] = 'scanning';
  const stats = { textNodes: 0, chars: 0, scanMs: 0 };
  const entities = new Map<string, PageEntity>();

  const done = (async () => {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.ELEMENT_NODE && isSkippedElement(node as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    let sliceStart = now();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const length = (node as Text).data.length;
        if (length > 0 && /\S/.test((node as Text).data)) {
          stats.textNodes += 1;
          stats.chars += length;
        }
      }
      if (slicer.shouldYield()) {
        stats.scanMs += now() - sliceStart;
        await slicer.yield();
        sliceStart = now();
      }
    }
    stats.scanMs += now() - sliceStart;
    stats.scanMs = Math.round(stats.scanMs * 10) / 10;
    status = 'idle';
  })();

  return {
    done,
    snapshot: () => ({
      status,
      stats: { ...stats },
      entities: [...entities.values()].map((e) => ({ ...e })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    }),
  };
}
