/**
 * The content script's scanner: reads the page's visible text in time slices (the part in view first),
 * finds mentions with the matcher, highlights them, and keeps them current as the page changes: a
 * MutationObserver marks the blocks that changed and a debounced rescan redoes only those.
 * It follows open shadow roots and same-origin iframes, and never changes the page's DOM.
 */
import { RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS } from '../constants';
import type { PageEntitiesResponse, PageEntity } from '../messaging/protocol';
import type { Matcher } from '../matcher/matcher';
import type { HighlightSink } from './highlighter';
import { walkTextBlocks, type TextBlock } from './text-blocks';
import { createTimeSlicer, type TimeSlicer } from './time-slicer';
import { blockOf, INLINE_TAGS, isInsideSkipped } from './visible-text';

export interface PageScan {
  snapshot(): PageEntitiesResponse;
  /** Resolves when no scan work is queued (the page has been read up to its latest change). */
  idle(): Promise<void>;
}

export interface MatchRecord {
  range: StaticRange;
  entity: number;
  kind: string;
  startNode: Text;
  endNode: Text;
  /** Every text node the mention covers, in order (one, unless it spans inline markup). */
  nodes: Text[];
}

export interface PageScannerOptions {
  matcher: Matcher;
  highlights: HighlightSink | null;
  slicer?: TimeSlicer;
  now?: () => number;
  debounceMs?: number;
  /** Whether a matched element is rendered; text in display:none subtrees is not counted. */
  isVisible?: (element: Element) => boolean;
  /** Extra text that counts as near every mention for context rules (the page title). */
  extraContext?: () => string;
}

/** Attributes that can reveal or hide text, or make it editable. */
const WATCHED_ATTRIBUTES = ['hidden', 'open', 'aria-hidden', 'contenteditable', 'style', 'class'];
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};

export class PageScanner implements PageScan {
  private readonly matcher: Matcher;
  private readonly highlights: HighlightSink | null;
  private readonly slicer: TimeSlicer;
  private readonly now: () => number;
  private readonly debounceMs: number;
  private readonly isVisible: (element: Element) => boolean;
  private readonly extraContext: () => string;

  /** Matches by the text node they start in; a node may start several. */
  private readonly matches = new Map<Text, MatchRecord[]>();
  /** Matches by every text node they cover, and by range: what hit-testing looks up. */
  private readonly covering = new Map<Text, MatchRecord[]>();
  private readonly byRange = new Map<AbstractRange, MatchRecord>();
  private readonly shadowRootList: ShadowRoot[] = [];
  private readonly counts = new Map<number, number>();
  private readonly stats = { textNodes: 0, chars: 0, scanMs: 0 };
  private idleAt: number | null = null;

  private readonly queue: { root: Node; from?: Node; until?: Node }[] = [];
  private readonly dirty = new Set<Node>();
  private readonly observed = new WeakSet<Node>();
  private readonly frames = new WeakSet<Element>();
  private working = false;
  private stopped = false;
  /** Set when nodes were removed: the next rescan drops matches whose text left the document. */
  private dropDisconnected = false;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change still waiting for a rescan happened (for RESCAN_MAX_WAIT_MS). */
  private firstPendingChange: number | null = null;
  /**
   * Elements whose matched text was not rendered (display:none, closed details). A style or class change
   * on them or an ancestor may reveal it; other style and class changes are ignored, so a page toggling
   * classes on <body> while scrolling does not make us reread it.
   */
  private readonly hiddenMatchParents = new Set<Element>();
  private waiters: (() => void)[] = [];
  private readonly observer: MutationObserver;

  constructor(options: PageScannerOptions) {
    this.matcher = options.matcher;
    this.highlights = options.highlights;
    this.slicer = options.slicer ?? createTimeSlicer();
    this.now = options.now ?? (() => performance.now());
    this.debounceMs = options.debounceMs ?? RESCAN_DEBOUNCE_MS;
    this.isVisible = options.isVisible ?? defaultIsVisible;
    this.extraContext = options.extraContext ?? (() => '');
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /** Scans `root` (usually document.body), the part at `viewportStart` first, and watches it for changes. */
  start(root: Node, viewportStart?: Node | null): void {
    // Reading the body: watch the whole document, so a page that replaces <body> (remove and append,
    // replaceChild, the document.body setter) is followed. Changes inside <head> are ignored below.
    const doc = root.ownerDocument;
    this.observe(doc && root === doc.body && doc.documentElement ? doc.documentElement : root);
    const first =
      viewportStart && viewportStart !== root && root.contains(viewportStart) && !isInsideSkipped(viewportStart)
        ? blockStart(viewportStart)
        : null;
    if (first && first !== root) {
      this.queue.push({ root, from: first }, { root, until: first });
    } else {
      this.queue.push({ root });
    }
    void this.work();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    if (this.debounce) clearTimeout(this.debounce);
    this.highlights?.clear();
    this.matches.clear();
    this.covering.clear();
    this.byRange.clear();
    this.counts.clear();
    this.resolveIdle();
  }

  snapshot(): PageEntitiesResponse {
    const entities: PageEntity[] = [];
    for (const [index, count] of this.counts) {
      const e = this.matcher.entities[index]!;
      entities.push({ id: e.id, kind: e.kind, name: e.name, count });
    }
    entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const busy = this.isBusy();
    return {
      status: busy ? 'scanning' : 'idle',
      stats: {
        textNodes: this.stats.textNodes,
        chars: this.stats.chars,
        scanMs: Math.round(this.stats.scanMs * 10) / 10,
        ...(this.idleAt !== null ? { idleAt: Math.round(this.idleAt * 10) / 10 } : {}),
      },
      entities,
    };
  }

  private isBusy(): boolean {
    return this.working || this.queue.length > 0 || this.dirty.size > 0 || this.debounce !== null;
  }

  idle(): Promise<void> {
    if (this.stopped || !this.isBusy()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Every current match, in document order of their start nodes' first sighting. */
  allMatches(): MatchRecord[] {
    return [...this.matches.values()].flat();
  }

  /** The matches that cover a caret position (node, offset). */
  matchesAt(node: Text, offset: number): MatchRecord[] {
    return (this.covering.get(node) ?? []).filter(
      (r) => !(node === r.startNode && offset < r.range.startOffset) && !(node === r.endNode && offset > r.range.endOffset),
    );
  }

  /** The match a highlight range belongs to (for highlightsFromPoint). */
  recordForRange(range: AbstractRange): MatchRecord | undefined {
    return this.byRange.get(range);
  }

  /** The open shadow roots being read: caret hit-testing must be told about them. */
  shadowRoots(): readonly ShadowRoot[] {
    return this.shadowRootList;
  }

  /** Paints a mention strongly for a moment (the popup's "show me"). */
  emphasize(record: MatchRecord, ms: number): void {
    this.highlights?.emphasize(record.range, ms);
  }

  /** The first mention of an entity in document order, if any. */
  firstMentionOf(entityId: string): MatchRecord | null {
    let first: MatchRecord | null = null;
    for (const record of this.allMatches()) {
      if (this.matcher.entities[record.entity]!.id !== entityId) continue;
      if (!first || precedes(record, first)) first = record;
    }
    return first;
  }

  /** Display information for a match's entity. */
  entityOf(record: MatchRecord) {
    return this.matcher.entities[record.entity]!;
  }

  private observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVED);
  }

  private async work(): Promise<void> {
    if (this.working || this.stopped) return;
    this.working = true;
    try {
      while (this.queue.length && !this.stopped) {
        const job = this.queue.shift()!;
        if (!job.root.isConnected) continue;
        let sliceStart = this.now();
        const slicer: TimeSlicer = {
          shouldYield: () => this.slicer.shouldYield(),
          yield: async () => {
            this.stats.scanMs += this.now() - sliceStart;
            await this.slicer.yield();
            sliceStart = this.now();
          },
        };
        const context = this.extraContext();
        const walked = await walkTextBlocks(
          job.root,
          {
            onBlock: (block) => this.matchBlock(block, context),
            onShadowRoot: (shadow) => this.addRoot(shadow),
            onFrame: (frame) => this.addFrame(frame),
          },
          slicer,
          job,
        );
        this.stats.scanMs += this.now() - sliceStart;
        this.stats.textNodes += walked.textNodes;
        this.stats.chars += walked.chars;
        // The DOM changed under a paused walk: the observer has marked what changed; rescan this root too.
        if (!walked.complete && job.root.isConnected) this.markDirty(job.root);
      }
    } finally {
      this.working = false;
    }
    if (!this.isBusy()) {
      this.highlights?.flush();
      this.idleAt ??= this.now();
      this.resolveIdle();
    }
  }

  private resolveIdle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private matchBlock(block: TextBlock, context: string): void {
    const found = this.matcher.findMatches(block.text, context);
    if (found.length === 0) return;
    let k = 0;
    const { nodes, starts } = block;
    for (const m of found) {
      // Matches are sorted by start: advance the node pointer to the node holding the start.
      while (k + 1 < nodes.length && starts[k + 1]! <= m.start) k++;
      const startNode = nodes[k]!;
      let j = k;
      while (j + 1 < nodes.length && starts[j + 1]! < m.end) j++;
      const endNode = nodes[j]!;
      const parent = startNode.parentElement;
      if (parent && !this.isVisible(parent)) {
        this.hiddenMatchParents.add(parent);
        continue;
      }
      const entity = this.matcher.entities[m.entity]!;
      const range = new StaticRange({
        startContainer: startNode,
        startOffset: m.start - starts[k]!,
        endContainer: endNode,
        endOffset: m.end - starts[j]!,
      });
      const covered = nodes.slice(k, j + 1);
      const record: MatchRecord = { range, entity: m.entity, kind: entity.kind, startNode, endNode, nodes: covered };
      const list = this.matches.get(startNode);
      if (list) list.push(record);
      else this.matches.set(startNode, [record]);
      for (const node of covered) {
        const cover = this.covering.get(node);
        if (cover) cover.push(record);
        else this.covering.set(node, [record]);
      }
      this.byRange.set(range, record);
      this.counts.set(m.entity, (this.counts.get(m.entity) ?? 0) + 1);
      this.highlights?.add(range, entity.kind);
    }
  }

  private addRoot(root: ShadowRoot | Node): void {
    if (this.observed.has(root)) return;
    if (root.nodeType === 11 && 'host' in root) {
      this.highlights?.adoptStyles(root as ShadowRoot);
      this.shadowRootList.push(root as ShadowRoot);
    }
    this.observe(root);
    this.queue.push({ root });
  }

  private addFrame(frame: HTMLIFrameElement | HTMLFrameElement): void {
    const scanFrame = () => {
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument; // null for cross-origin frames: their own content script reads them
      } catch {
        doc = null;
      }
      const body = doc?.body;
      if (!body || this.observed.has(body)) return;
      this.addRoot(body);
      void this.work();
    };
    if (!this.frames.has(frame)) {
      this.frames.add(frame);
      // A frame that loads (or navigates) later is read when it does. Only trusted load events matter.
      frame.addEventListener('load', (event) => event.isTrusted && scanFrame());
    }
    scanFrame();
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    for (const record of records) {
      const head = record.target.ownerDocument?.head;
      if (head && (record.target === head || head.contains(record.target))) continue; // scripts, styles, metadata
      if (record.type === 'characterData') {
        this.markDirty(blockOf(record.target));
        continue;
      }
      if (record.type === 'attributes') {
        this.onAttributeChange(record.target as Element, record.attributeName ?? '');
        continue;
      }
      let joinChanged = false;
      for (const added of record.addedNodes) {
        const tag = added.nodeType === 1 ? (added as Element).localName : '';
        // A frame is never walked into: read its document (now, and whenever it loads).
        if (tag === 'iframe' || tag === 'frame') this.addFrame(added as HTMLIFrameElement);
        else if (tag && !INLINE_TAGS.has(tag)) this.markDirty(added);
        else if (tag || (added.nodeType === 3 && (added as Text).data.trim())) joinChanged = true;
      }
      for (const removed of record.removedNodes) {
        if (removed.nodeType === 3 || (removed.nodeType === 1 && INLINE_TAGS.has((removed as Element).localName))) joinChanged = true;
        this.dropDisconnected = true;
      }
      if (joinChanged) this.markDirty(blockOf(record.target));
    }
    this.scheduleRescan();
  }

  private onAttributeChange(element: Element, attribute: string): void {
    if (attribute === 'style' || attribute === 'class') {
      for (const parent of this.hiddenMatchParents) {
        if (!parent.isConnected) this.hiddenMatchParents.delete(parent);
        else if (element.contains(parent)) {
          this.hiddenMatchParents.delete(parent);
          this.markDirty(blockOf(parent));
        }
      }
      return;
    }
    // hidden, open, aria-hidden, contenteditable: what is readable under the element changed.
    this.markDirty(element);
  }

  private markDirty(node: Node): void {
    this.dirty.add(node);
    this.scheduleRescan();
  }

  private scheduleRescan(): void {
    const now = this.now();
    this.firstPendingChange ??= now;
    if (this.debounce) clearTimeout(this.debounce);
    const wait = Math.min(this.debounceMs, Math.max(0, this.firstPendingChange + RESCAN_MAX_WAIT_MS - now));
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.firstPendingChange = null;
      this.rescanDirty();
    }, wait);
  }

  private rescanDirty(): void {
    if (this.stopped) return;
    const roots = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    // Keep only outermost roots: a root inside another is rescanned with it.
    const outermost = roots.filter((r) => !roots.some((other) => other !== r && other.contains(r)));
    // Drop what these roots held (and, after removals, whatever left the document); a root that is now
    // hidden or editable keeps nothing and is not reread.
    for (const [node, records] of this.matches) {
      const gone = !node.isConnected || outermost.some((root) => root.contains(node));
      if (!gone && !this.dropDisconnected) continue;
      const keep = gone ? [] : records.filter((r) => r.endNode.isConnected);
      for (const r of records) if (!keep.includes(r)) this.forget(r);
      if (keep.length) this.matches.set(node, keep);
      else this.matches.delete(node);
    }
    this.dropDisconnected = false;
    for (const root of outermost) {
      if (root.nodeType === 1 && isInsideSkipped(root)) continue;
      this.queue.push({ root });
    }
    void this.work().then(() => {
      if (!this.isBusy()) this.resolveIdle();
    });
  }

  private forget(record: MatchRecord): void {
    this.byRange.delete(record.range);
    for (const node of record.nodes) {
      const cover = this.covering.get(node)?.filter((r) => r !== record);
      if (cover?.length) this.covering.set(node, cover);
      else this.covering.delete(node);
    }
    const count = (this.counts.get(record.entity) ?? 1) - 1;
    if (count > 0) this.counts.set(record.entity, count);
    else this.counts.delete(record.entity);
    this.highlights?.delete(record.range, record.kind);
  }
}

/** Whether mention a starts before mention b in the document. */
export function precedes(a: MatchRecord, b: MatchRecord): boolean {
  if (a.startNode === b.startNode) return a.range.startOffset < b.range.startOffset;
  return (a.startNode.compareDocumentPosition(b.startNode) & 4) !== 0; // DOCUMENT_POSITION_FOLLOWING
}

/** The element to start reading at for a node in view: the start of its block. */
function blockStart(node: Node): Node {
  const block = blockOf(node);
  return block.nodeType === 1 ? block : node;
}

function defaultIsVisible(element: Element): boolean {
  // checkVisibility() is false for an element with display: contents (it has no box of its own), although
  // its text renders: ask its nearest ancestor that has a box instead.
  for (let e: Element | null = element; e; e = e.parentElement) {
    const withCheck = e as Element & { checkVisibility?: (o?: object) => boolean };
    if (typeof withCheck.checkVisibility !== 'function') return true;
    if (withCheck.checkVisibility({ checkVisibilityCSS: true })) return true;
    if (getComputedStyle(e).display !== 'contents') return false;
  }
  return false;
}
