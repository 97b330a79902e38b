/**
 * Which text a reader can see. The scanner never looks inside form controls, editable regions, code,
 * scripts or hidden subtrees, nor inside our own UI.
 */

/** Elements whose text is not prose a reader reads (or that we must never touch). */
export const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'TITLE',
]);

/** Tag name of the host element of our in-page UI: its subtree is never scanned. */
export const OWN_UI_TAG = 'ICAT-LENS-UI';

export function isSkippedElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag === OWN_UI_TAG) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
}
