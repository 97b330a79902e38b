/**
 * Timings of the bookmarks panel. They live here rather than in lib/constants.ts because only this panel
 * uses them; each has the reason for its value.
 */

/**
 * How long the "Removed <title>. Undo" bar stays after a removal. 6 s is inside the range that undo
 * snackbars settled on (Material: 4–10 s; Gmail's undo: 5 s and up): long enough to read one short sentence
 * and reach the button with Tab, short enough that the bar does not linger over the list. The bar also
 * stops counting while the pointer is over it or focus is in it (WCAG 2.2.1: the reader can extend the
 * time), and restarts the full delay when they leave.
 */
export const BOOKMARK_UNDO_TIMEOUT_MS = 6_000;
