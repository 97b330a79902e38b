/**
 * Which text a reader can see, and how it is grouped into blocks. The scanner never looks inside form
 * controls, editable regions, code, scripts or hidden subtrees, nor inside our own UI.
 * Tag names are `localName`s (lower case), which is also right for SVG and MathML elements.
 */

/** Elements whose text is not prose a reader reads (or that we must never touch). */
export const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'canvas', 'iframe', 'frame', 'object', 'embed',
  'head', 'title', 'audio', 'video',
]);

/**
 * Elements that are never rendered: they neither hold readable text nor separate the text around them.
 * Every other element that is not inline (a paragraph, a form control, an image) ends the run of text before it.
 */
export const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/** Tag name of the host element of our in-page UI: its subtree is never scanned. */
export const OWN_UI_TAG = 'icat-lens-ui';

export function isSkippedElement(element: Element): boolean {
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag) || tag === OWN_UI_TAG) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * The attribute half of isSkippedElement as one selector: a walk asks the selector engine once for a
 * whole root instead of reading three attributes of every element (the walk's biggest cost on big pages).
 */
export const SKIPPED_BY_ATTRIBUTE = '[hidden],[aria-hidden="true" i],[contenteditable]:not([contenteditable="false" i])';

/** Elements that may carry a shadow root (custom elements, and these): no other element needs asking. */
const SHADOW_HOST_TAGS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);
export const mayHostShadowRoot = (tag: string): boolean => SHADOW_HOST_TAGS.has(tag) || tag.includes('-');

/** True if `node` or one of its ancestors (up to its document or shadow root) is skipped. */
export function isInsideSkipped(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
  }
  return false;
}

/**
 * Elements that flow inside a line of text. Text separated only by these belongs to one block, so a name
 * split across markup (<b>UN</b> Women, UNO<span>DC</span>) is matched whole. Any other element starts a
 * new block. (A tag list rather than computed styles: reading styles for every element would cost more
 * than the whole scan.)
 */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'nobr', 'q', 'ruby', 'rb', 'rt', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup',
  'time', 'tt', 'u', 'wbr', 'br',
]);

/** The element (or shadow root, or document) whose inline text `node` belongs to. */
export function blockOf(node: Node): Node {
  let n: Node = node.nodeType === 1 ? node : (node.parentNode ?? node);
  while (n.nodeType === 1 && INLINE_TAGS.has((n as Element).localName) && n.parentNode) n = n.parentNode;
  return n;
}
