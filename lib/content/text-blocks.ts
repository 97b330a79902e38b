/**
 * Walks the visible text under a root in document order and hands it over one block at a time: the text
 * of consecutive text nodes that only inline elements separate, with where each node starts in it.
 * Skipped subtrees (lib/content/visible-text.ts) are jumped over whole; comments are not text, so a
 * comment inside a word joins it; <br> separates words.
 */
import type { TimeSlicer } from './time-slicer';
import {
  blockOf,
  INLINE_TAGS,
  INVISIBLE_TAGS,
  mayHostShadowRoot,
  OWN_UI_TAG,
  SKIPPED_BY_ATTRIBUTE,
  SKIPPED_TAGS,
} from './visible-text';

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data starts. */
  starts: number[];
}

export interface BlockVisitor {
  onBlock(block: TextBlock): void;
  onShadowRoot?(root: ShadowRoot): void;
  onFrame?(frame: HTMLIFrameElement | HTMLFrameElement): void;
}

export interface WalkStats {
  textNodes: number;
  chars: number;
  /** False when the DOM changed under the walk during a pause (the caller should rescan the root). */
  complete: boolean;
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const NOT_ONLY_SPACE = /\S/;

/**
 * Walks `root` (from `from` if given, stopping before `until`), pausing at block boundaries when the
 * slicer says so. Returns counts of the text read.
 */
export async function walkTextBlocks(
  root: Node,
  visitor: BlockVisitor,
  slicer: TimeSlicer,
  range: { from?: Node; until?: Node } = {},
): Promise<WalkStats> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  const skippedByAttribute = new Set<Element>(
    'querySelectorAll' in root ? (root as ParentNode).querySelectorAll(SKIPPED_BY_ATTRIBUTE) : [],
  );
  const stats: WalkStats = { textNodes: 0, chars: 0, complete: true };

  let block: Node | null = null;
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  let lastParent: Node | null = null;
  let lastBlock: Node | null = null;
  let pauseWanted = false;

  const flush = () => {
    if (nodes.length) visitor.onBlock({ text: parts.length === 1 ? parts[0]! : parts.join(''), nodes, starts });
    parts = [];
    nodes = [];
    starts = [];
    length = 0;
    block = null;
  };

  let node: Node | null;
  if (range.from && range.from !== root) {
    walker.currentNode = range.from;
    node = range.from;
  } else node = walker.nextNode();

  while (node) {
    if (node === range.until) break;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      if ((tag === 'iframe' || tag === 'frame') && visitor.onFrame) visitor.onFrame(el as HTMLIFrameElement);
      // A block element (even an empty one, or a form control) ends the run of inline text before it: text on
      // either side must not join ("…Organization<div></div>International…").
      if (nodes.length && !INLINE_TAGS.has(tag) && !INVISIBLE_TAGS.has(tag)) flush();
      if (SKIPPED_TAGS.has(tag) || tag === OWN_UI_TAG || skippedByAttribute.has(el)) {
        node = nextOutside(walker);
        continue;
      }
      if (visitor.onShadowRoot && mayHostShadowRoot(tag)) {
        const shadow = el.shadowRoot;
        if (shadow) visitor.onShadowRoot(shadow);
      }
      if (tag === 'br' && nodes.length) {
        parts.push(' ');
        length += 1;
      }
    } else {
      const text = node as Text;
      const data = text.data;
      if (data.length) {
        const parent = text.parentNode!;
        const owner = parent === lastParent ? lastBlock : (lastBlock = blockOf(parent));
        lastParent = parent;
        if (owner !== block) {
          flush();
          if (pauseWanted) {
            pauseWanted = false;
            await slicer.yield();
            if (!text.isConnected || !root.isConnected) {
              stats.complete = false;
              return stats;
            }
          }
          block = owner;
        }
        parts.push(data);
        nodes.push(text);
        starts.push(length);
        length += data.length;
        if (NOT_ONLY_SPACE.test(data)) {
          stats.textNodes++;
          stats.chars += data.length;
        }
      }
    }
    if (slicer.shouldYield()) pauseWanted = true;
    node = walker.nextNode();
  }
  flush();
  return stats;
}

/** Moves the walker past the current node's subtree; null at the end of the root. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
