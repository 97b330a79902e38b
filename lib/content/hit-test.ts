/**
 * Which mention is under the pointer, without any element of ours in the page: ask the highlight registry
 * (highlightsFromPoint, where the browser has it), else find the caret position under the point and look it
 * up in the scanner's index, then confirm the point is inside the mention's boxes (a caret position is also
 * reported for points beside a line's end).
 */
import { HIT_TEST_SLACK_PX } from '../constants';
import type { MatchRecord } from './page-scanner';

export interface HitIndex {
  matchesAt(node: Text, offset: number): MatchRecord[];
  recordForRange(range: AbstractRange): MatchRecord | undefined;
  shadowRoots(): readonly ShadowRoot[];
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

type RegistryWithHitTest = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { highlight: Highlight; ranges: AbstractRange[] }[];
};

export function mentionAtPoint(doc: Document, x: number, y: number, index: HitIndex): MatchRecord | null {
  const registry = (doc.defaultView?.CSS as { highlights?: RegistryWithHitTest } | undefined)?.highlights;
  if (typeof registry?.highlightsFromPoint === 'function') {
    for (const { ranges } of registry.highlightsFromPoint(x, y, { shadowRoots: [...index.shadowRoots()] })) {
      for (const range of ranges) {
        const record = index.recordForRange(range);
        if (record) return record;
      }
    }
  }
  const caret = caretAt(doc as CaretDocument, x, y, index.shadowRoots());
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const record of index.matchesAt(caret.node as Text, caret.offset)) {
    if (rangeContainsPoint(doc, record.range, x, y)) return record;
  }
  return null;
}

function caretAt(doc: CaretDocument, x: number, y: number, shadowRoots: readonly ShadowRoot[]) {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** A live Range over the mention: for its client rects (line boxes) and positioning. */
export function liveRange(doc: Document, range: AbstractRange): Range | null {
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null; // the text changed under the range; the next rescan replaces it
  }
}

function rangeContainsPoint(doc: Document, range: AbstractRange, x: number, y: number): boolean {
  const live = liveRange(doc, range);
  if (!live) return false;
  const s = HIT_TEST_SLACK_PX;
  for (const r of live.getClientRects()) {
    if (x >= r.left - s && x <= r.right + s && y >= r.top - s && y <= r.bottom + s) return true;
  }
  return false;
}
