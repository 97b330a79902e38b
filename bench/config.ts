/**
 * Every size, count, delay and threshold of `npm run bench`, each with the reason for its value.
 * Change them here, never inline. The CLI (bench/run.mjs) passes its flags as BENCH_* environment variables,
 * read at the bottom of this file.
 */
import { resolve } from 'node:path';

/** Where the built extension is (`wxt build` writes it; bench/run.mjs builds first). */
export const BUILT_EXTENSION = resolve('.output/chrome-mv3');

/** The floor probe: a minimal extension whose content script does the bare walk at document_idle. */
export const FLOOR_EXTENSION = resolve('bench/floor-extension');

/** Debian's Chromium: nothing here downloads a browser. Same override as the e2e tests. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** Pinned in lib/config/extension-key.ts (decision 0002); repeated so the bench does not depend on lib/. */
export const EXTENSION_ID = 'jdncnlpoeighemnoamkojmlijahniblh';

/** The term list: every `forms[].text` of these tables is something the extension should find. */
export const LIBRARY = resolve('assets/data/icat-library.json');
export const TERM_TABLES = ['agencies', 'terms', 'publications', 'people'] as const;

/** The document the bench writes its results into (only the section between the markers is regenerated). */
export const DOCS_FILE = resolve('docs/benchmarks.md');
export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

export interface PageSize {
  id: string;
  label: string;
  /** Target size of the HTML in bytes (UTF-8); the generator stops at the first article past it. */
  bytes: number;
  /** Runs per size: medians over these. 5 give a stable median of the 100 KB and 1 MB pages on a noisy
   *  2-core machine; a 5 MB run costs a few seconds per browser, and its numbers are steadier, so 3. */
  runs: number;
  /** mark.js runs per size. One mark.js pass takes about 3 s at 100 KB, 30 s at 1 MB and over 2 minutes at 5 MB,
   *  where its ratio to the extension is so far from the 20x target that a second run would not change the
   *  verdict: 1 there. */
  markRuns: number;
  /** Seed of the page generator: fixed so every run of the bench, on every machine, measures the same page. */
  seed: number;
}

export const PAGE_SIZES: PageSize[] = [
  { id: '100k', label: '100 KB', bytes: 100 * 1024, runs: 5, markRuns: 5, seed: 0x1ca7_0001 },
  { id: '1m', label: '1 MB', bytes: 1024 * 1024, runs: 5, markRuns: 5, seed: 0x1ca7_0002 },
  { id: '5m', label: '5 MB', bytes: 5 * 1024 * 1024, runs: 3, markRuns: 1, seed: 0x1ca7_0003 },
];

/** Chromium's flags, shared by both launches. No network on this machine: without the last four Chromium keeps
 *  trying to reach Google's services, which is noise on a 2-core box. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How often the bench asks the content script whether it is idle, when the answer has no `stats.idleAt`.
 *  Each poll is a round trip Node -> service worker -> content script; 15 ms keeps the error of the fallback
 *  timing (it is bracketed between two polls) small without flooding the page's main thread. */
export const POLL_INTERVAL_MS = 15;
/** With `stats.idleAt` the poll only has to notice idleness, not time it: poll gently. */
export const POLL_INTERVAL_WITH_IDLE_AT_MS = 100;

/** A scan that is not idle after this long is a failure of the extension, not a slow result. */
export const IDLE_TIMEOUT_MS = 180_000;

/** mark.js at 5 MB can run for minutes; past this the run is reported as ">timeout" and stopped
 *  (CDP Runtime.terminateExecution) so the rest of the bench goes on. */
export const MARKJS_TIMEOUT_MS = 180_000;

/** The Long Tasks API threshold, and the target: no main-thread task over this that is the extension's. */
export const LONG_TASK_MS = 50;

/** After idle, wait this long before reading the performance entries: PerformanceObserver delivers entries
 *  in a later task, and the last slice's long task (if any) must be in. */
export const ENTRY_FLUSH_MS = 150;

/** Targets from the performance issue, checked at the largest size. */
export const TARGETS = {
  /** Extension scan (DOMContentLoaded -> idle) at most this many times the bare TreeWalker pass. */
  maxScanOverFloor: 2,
  /** mark.js at least this many times slower than the extension's scan. */
  minMarkOverScan: 20,
  /** Longest main-thread task attributable to the extension. */
  maxAttributedTaskMs: LONG_TASK_MS,
};

/** Mentions of the library's terms: one per MIN..MAX words of prose (a news page that is on topic, not spam). */
export const WORDS_PER_MENTION = { min: 200, max: 400 };
/** Hard negatives (look-alikes, ambiguous acronyms in other senses) per this many words. */
export const WORDS_PER_NEGATIVE = 350;
/** Share of multi-word mentions split across inline markup (`<b>UN</b> Women`). */
export const SPLIT_MENTION_SHARE = 0.15;
/** Share of mentions in the French or Spanish forms (the library is trilingual; pages mostly English). */
export const NON_ENGLISH_MENTION_SHARE = 0.1;

// ---- Command-line options, passed by bench/run.mjs as environment variables -------------------------------

/** --quick: one run per size, no mark.js at 5 MB. For development; the numbers are indicative only. */
export const QUICK = process.env.BENCH_QUICK === '1';
/** --runs=N: overrides the runs of every size (mark.js keeps min(N, markRuns)). */
const runsOverride = Number(process.env.BENCH_RUNS) || 0;
/** --sizes=100k,1m: measure only these sizes. */
const sizeFilter = (process.env.BENCH_SIZES ?? '').split(',').filter(Boolean);
/** --no-docs: print the table but leave docs/benchmarks.md alone. */
export const WRITE_DOCS = process.env.BENCH_NO_DOCS !== '1';

export function selectedSizes(): PageSize[] {
  return PAGE_SIZES.filter((s) => sizeFilter.length === 0 || sizeFilter.includes(s.id)).map((s) => {
    const runs = QUICK ? 1 : runsOverride || s.runs;
    const markRuns = QUICK ? (s.id === '5m' ? 0 : 1) : Math.min(runs, s.markRuns);
    return { ...s, runs, markRuns };
  });
}

/**
 * mark.js (npm `mark.js`, dist/mark.min.js injected into the page) marking the same forms, with the options
 * closest to what the extension does, and where in doubt the ones that make mark.js faster:
 * - `separateWordSearch: false`: each form is one phrase, as the extension matches it (true would mark
 *   every word of "Council of Europe" on its own);
 * - `accuracy: exactly` with punctuation as limiters: whole words only, like the extension's word boundaries
 *   ("ILO," and "(UNODC)" match, "pilot" does not);
 * - `caseSensitive` as the library says: two calls, the case-insensitive forms and the case-sensitive ones;
 * - `diacritics: false`: the library lists accented and plain spellings itself, and mark.js's diacritics
 *   expansion would only slow it down;
 * - `acrossElements: false` (mark.js's default): true is much slower; so mark.js misses `<b>UN</b> Women`;
 * - `exclude` the subtrees the extension skips (code, form controls, hidden), as one selector (mark.js tests
 *   each text node's parent against every entry of the list, so one entry is the cheap way).
 * mark.js runs one pass over the DOM per keyword: that, and wrapping every match in a <mark> element, is what
 * the comparison measures.
 */
export const MARKJS_OPTIONS = {
  separateWordSearch: false,
  accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '"', "'", '’', '“', '”', '/', '-'] },
  diacritics: false,
  acrossElements: false,
  exclude: [
    'script, style, noscript, template, textarea, select, option, button, code, pre, kbd, samp, var, svg, math, ' +
      '[hidden], [aria-hidden="true"], code *, pre *, [hidden] *, [aria-hidden="true"] *',
  ],
};
