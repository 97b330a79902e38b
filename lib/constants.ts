/**
 * Every delay, budget and limit of the extension, each with the reason for its value.
 * Change them here, never inline.
 */

/** Name of our IndexedDB database, in the extension's origin (never a page's). */
export const DB_NAME = 'icat-lens';

/** Where the build puts the bundled dataset (copied from assets/data by wxt.config.ts). */
export const BUNDLED_DATASET_PATH = '/data/icat-library.json';

/**
 * A scan slice yields to the page after this long. 8 ms leaves room for the page's own work inside one
 * 16 ms frame, and stays far under the 50 ms "long task" threshold.
 */
export const SCAN_SLICE_BUDGET_MS = 8;

/** How many nodes the walker visits between clock reads: reading performance.now() per node costs more than it saves. */
export const SCAN_NODES_PER_CLOCK_CHECK = 64;

/** Most results a search message returns: a popup list shows about ten, more is wasted work. */
export const SEARCH_RESULT_LIMIT = 25;

/** Longest query we accept: a search box never needs more, and it bounds the work a message can ask for. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

/** Longest note and most tags on a bookmark: generous for research notes, bounded against runaway input. */
export const BOOKMARK_NOTE_MAX_LENGTH = 20_000;
export const BOOKMARK_TAGS_MAX = 50;
export const BOOKMARK_TAG_MAX_LENGTH = 60;

/**
 * Wait this long after the last DOM change before rescanning: infinite scroll and single-page apps change
 * the DOM in bursts, and one rescan after the burst is far cheaper than one per change. 150 ms is short
 * enough that new text is highlighted before a reader gets to it.
 */
export const RESCAN_DEBOUNCE_MS = 150;

/**
 * A page that never stops changing (tickers, animations touching text) would postpone a debounced rescan
 * forever: rescan at least this often while changes keep coming.
 */
export const RESCAN_MAX_WAIT_MS = 1_000;


/**
 * Hover card timings (Wikipedia's Page Previews and 10ten Japanese Reader tuned these on millions of
 * readers): the pointer must rest on a mention for CARD_DWELL_MS, and at least CARD_SHOW_DELAY_MS must
 * pass since it arrived, so sweeping across a paragraph never flashes cards.
 */
export const CARD_DWELL_MS = 150;
export const CARD_SHOW_DELAY_MS = 500;
/**
 * The reader's choice in the options: 'normal' is the default above; 'short' for readers who hover on
 * purpose (still longer than a sweep across a word takes), 'long' for readers who rest the pointer on text.
 */
export const HOVER_DELAYS = { short: 300, normal: CARD_SHOW_DELAY_MS, long: 900 } as const;
/** Faster than this (px per ms) the reader is travelling, not reading: the dwell restarts (10ten: 0.5). */
export const CARD_MAX_POINTER_SPEED = 0.5;
/**
 * The card closes this long after the pointer leaves both mention and card: long enough to cross the gap
 * onto the card (WCAG 1.4.13: hoverable, persistent), short enough to feel responsive.
 */
export const CARD_HIDE_DELAY_MS = 300;
/** Slack in px when checking that the pointer is really over a mention's text, not just near its line. */
export const HIT_TEST_SLACK_PX = 1;
/** Gap between a mention and its card, and the card's minimum distance from the viewport edges. */
export const CARD_OFFSET_PX = 8;
export const CARD_VIEWPORT_PADDING_PX = 8;
/** Where per-site and other settings live in extension storage. */
export const DISABLED_SITES_STORAGE_KEY = 'disabledSites';
/** Most mentions the keyboard list shows: beyond this a list is no longer a way to find one. */
export const MENTIONS_LIST_LIMIT = 300;
/** Characters of text either side of a mention in the list's snippet and in a bookmark's quote. */
export const SNIPPET_CONTEXT_CHARS = 60;
/** How long a mention revealed from the popup stays strongly highlighted: long enough to find it on screen. */
export const REVEAL_EMPHASIS_MS = 2_000;
/**
 * Highlights found during a scan reach the page at most this often: each batch makes the browser repaint
 * the highlights once, instead of once per scan slice. A fifth of a second is quick enough that a reader
 * sees the page fill in, and on a 5 MB page cuts rendering during the scan several-fold.
 */
export const HIGHLIGHT_BATCH_MS = 200;
/**
 * Largest backup the options page hands to the background in one message (characters). Chrome refuses
 * runtime messages over 64 MiB; a backup of 50,000 annotated bookmarks is about 30 MB.
 */
export const IMPORT_MAX_CHARS = 40_000_000;

/**
 * Data packs (docs/data-packs.md): the largest pack file accepted, from a file or a web address, in
 * characters (about bytes: pack files are mostly ASCII). The schema's own limits (20,000 records a table)
 * fit well within it.
 */
export const DATA_PACK_MAX_CHARS = 30_000_000;
/** A pack fetched from a web address must have arrived within this time. */
export const DATA_PACK_FETCH_TIMEOUT_MS = 30_000;
