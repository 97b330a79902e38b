/**
 * Hit-testing in each browser's way: highlightsFromPoint (newest Chromium), caretPositionFromPoint
 * (Firefox, Chromium 128+), caretRangeFromPoint (older Chromium, Safari), and none at all.
 */
import { describe, expect, it } from 'vitest';
import { mentionAtPoint, type HitIndex } from '@/lib/content/hit-test';
import type { MatchRecord } from '@/lib/content/page-scanner';

const text = { nodeType: 3, data: 'The UNODC said' } as unknown as Text;
const record = {
  range: { startContainer: text, startOffset: 4, endContainer: text, endOffset: 9 },
  entity: 0,
  kind: 'agency',
  startNode: text,
  endNode: text,
  nodes: [text],
} as unknown as MatchRecord;

const index: HitIndex = {
  matchesAt: (node, offset) => (node === text && offset >= 4 && offset <= 9 ? [record] : []),
  recordForRange: (range) => (range === record.range ? record : undefined),
  shadowRoots: () => [],
};

/** A document whose "UNODC" occupies x 40..90, y 10..30. */
function fakeDocument(caret: Record<string, unknown>, css: Record<string, unknown> = {}): Document {
  return {
    ...caret,
    defaultView: { CSS: css },
    createRange: () => ({ setStart() {}, setEnd() {}, getClientRects: () => [{ left: 40, right: 90, top: 10, bottom: 30 }] }),
  } as unknown as Document;
}

describe('mentionAtPoint', () => {
  it('uses caretPositionFromPoint (Firefox) and checks the point is on the text', () => {
    const doc = fakeDocument({ caretPositionFromPoint: (x: number) => ({ offsetNode: text, offset: x < 90 ? 6 : 9 }) });
    expect(mentionAtPoint(doc, 60, 20, index)).toBe(record);
    expect(mentionAtPoint(doc, 60, 50, index)).toBeNull(); // below the line: the caret is near, the pointer is not on it
  });

  it('uses caretRangeFromPoint where caretPositionFromPoint is missing (older Chromium, Safari)', () => {
    const doc = fakeDocument({ caretRangeFromPoint: () => ({ startContainer: text, startOffset: 5 }) });
    expect(mentionAtPoint(doc, 60, 20, index)).toBe(record);
  });

  it('asks the highlight registry first where it can answer', () => {
    const doc = fakeDocument({}, { highlights: { highlightsFromPoint: () => [{ highlight: {}, ranges: [record.range] }] } });
    expect(mentionAtPoint(doc, 60, 20, index)).toBe(record);
  });

  it('finds nothing, without throwing, where no API exists or the caret is not in text', () => {
    expect(mentionAtPoint(fakeDocument({}), 60, 20, index)).toBeNull();
    const element = { nodeType: 1 } as unknown as Node;
    expect(mentionAtPoint(fakeDocument({ caretPositionFromPoint: () => ({ offsetNode: element, offset: 0 }) }), 60, 20, index)).toBeNull();
    expect(mentionAtPoint(fakeDocument({ caretPositionFromPoint: () => null }), 60, 20, index)).toBeNull();
  });
});
