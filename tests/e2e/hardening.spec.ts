/**
 * Adversarial pages end to end: fixture pages under tests/e2e/pages/hardening/ that try to break, slow or
 * fool the content script (a ticker rewriting text 2,000 times a second, 100,000 text nodes, markup 5,000
 * deep, a page that redefines the built-ins of its world, a postMessage flood, a page replacing its <body>,
 * a single-page app navigating 100 times). For every page:
 * - page-entities reports exactly the mentions on the page (after the page's actions);
 * - the DOM (outerHTML) is identical to the same page, after the same actions, in a Chromium without the
 *   extension (launched once for this file, like tests/e2e/detection.spec.ts does);
 * - the page's own script still works (`window.pageChecks`, recorded by the page itself);
 * - no long task (>50 ms) that starts after DOMContentLoaded is attributable to the extension beyond what the
 *   same page shows without it (see `suspectTasks`).
 *
 * For speed (CI gives all e2e suites 15 minutes, this file aims at < 90 s) both browsers are launched once
 * for the file, and each test opens one tab in each and closes it. The extension is asked through one of its
 * own pages (options.html, kept open): unlike the MV3 service worker, a page is not stopped when idle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { PageEntitiesResponse } from '../../lib/messaging/protocol';
import { CHROME_EXTENSION_ID } from '../../lib/config/extension-key';
import { BUILT_EXTENSION, CHROMIUM, expect, launchWithExtension, startPageServer, test } from './fixtures';

type Counts = Record<string, number>;
type Checks = Record<string, unknown>;

const LONG_TASK_MS = 50;

// ---------------------------------------------------------------------------------------------------------
// Browsers, the page server, and the instruments installed in every document

/**
 * Records long tasks and long animation frames from navigation start (buffered), before the page's own
 * scripts run. Written as a string with plain loops and index writes only, because the hostile page
 * redefines Array.prototype.push/map, Function.prototype.call and friends in this same world afterwards:
 * nothing here may call into what the page can redefine, or the page's spies would count us.
 */
const INSTRUMENTS = `(() => {
  const tasks = [];
  const frames = [];
  const observers = [];
  const take = (list, onEntry) => { for (let i = 0; i < list.length; i++) onEntry(list[i]); };
  const onTask = (e) => { tasks[tasks.length] = { start: e.startTime, duration: e.duration }; };
  const onFrame = (e) => {
    let pageScriptMs = 0;
    const scripts = e.scripts || [];
    for (let i = 0; i < scripts.length; i++) {
      if (String(scripts[i].sourceURL).indexOf('chrome-extension:') !== 0) pageScriptMs += scripts[i].duration;
    }
    frames[frames.length] = { start: e.startTime, duration: e.duration, renderStart: e.renderStart, pageScriptMs };
  };
  const observe = (type, onEntry) => {
    try {
      const o = new PerformanceObserver((list) => take(list.getEntries(), onEntry));
      o.observe({ type, buffered: true });
      observers[observers.length] = [o, onEntry];
    } catch (e) {}
  };
  observe('longtask', onTask);
  observe('long-animation-frame', onFrame);
  Object.defineProperty(window, '__hardening', { value: { read() {
    for (let i = 0; i < observers.length; i++) take(observers[i][0].takeRecords(), observers[i][1]);
    const nav = performance.getEntriesByType('navigation')[0];
    return { dcl: nav ? nav.domContentLoadedEventEnd : 0, tasks, frames };
  } } });
})();`;

let ext: BrowserContext;
let plain: BrowserContext;
let control: Page; // the extension's options page: asks tabs and the background
let origin: string;
let closeServer: () => Promise<void>;
const profiles: string[] = [];

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

test.beforeAll(async () => {
  test.setTimeout(60_000);
  const [extProfile, plainProfile] = [mkdtempSync(join(tmpdir(), 'icat-lens-hard-')), mkdtempSync(join(tmpdir(), 'icat-lens-hard-plain-'))];
  profiles.push(extProfile, plainProfile);
  [ext, plain] = await Promise.all([
    launchWithExtension(BUILT_EXTENSION, extProfile),
    chromium.launchPersistentContext(plainProfile, { executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS }),
  ]);
  await Promise.all([ext.addInitScript(INSTRUMENTS), plain.addInitScript(INSTRUMENTS)]);
  const server = await startPageServer();
  origin = server.origin;
  closeServer = server.close;
  control = await ext.newPage();
  await control.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
  // The background seeds its library on first start: wait until it answers.
  await expect
    .poll(() => control.evaluate(() => chrome.runtime.sendMessage({ type: 'get-status' }).then((r: { ok: boolean }) => r.ok, () => false)), { timeout: 20_000 })
    .toBe(true);
  // One page in each browser before anything is measured: the first content-script injection after a
  // browser starts compiles the script without a code cache and reads the term index from storage for the
  // first time, once per browser session (about 60 ms on this machine, sometimes). That cost is real but
  // not the page's; every measured page below is a later one, as nearly every page a reader opens is.
  for (const context of [ext, plain]) {
    const warm = await context.newPage();
    await warm.goto(`${origin}/hardening/text-churn.html`);
    await warm.waitForTimeout(500);
    await warm.close();
  }
});

test.afterAll(async () => {
  await Promise.all([ext?.close(), plain?.close()]);
  await closeServer?.();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

/** Opens `path` in both browsers (with the extension first), each in a fresh tab. */
async function openPair(path: string, waitUntil: 'load' | 'domcontentloaded' = 'load'): Promise<{ page: Page; base: Page }> {
  const url = `${origin}/hardening/${path}`;
  const page = await ext.newPage();
  await page.goto(url, { waitUntil });
  const base = await plain.newPage();
  await base.goto(url, { waitUntil });
  return { page, base };
}

async function closePair(pair: { page: Page; base: Page }): Promise<void> {
  await Promise.all([pair.page.close(), pair.base.close()]);
}

// ---------------------------------------------------------------------------------------------------------
// Asking the extension

/**
 * page-entities from the content script of the one http tab open in the extension's browser, asked from the
 * options page with tabs.sendMessage (no script runs in the page's main world for it), with the round trip.
 */
async function ask(): Promise<{ answer: PageEntitiesResponse; ms: number }> {
  const result = await control.evaluate(async () => {
    const started = performance.now();
    const tabs = await chrome.tabs.query({});
    const replies = await Promise.all(tabs.map((tab) => chrome.tabs.sendMessage(tab.id!, { type: 'page-entities' }).catch(() => null)));
    const answers = replies.filter((r) => r && typeof r === 'object' && 'status' in r);
    return { answers, ms: performance.now() - started };
  });
  if (result.answers.length !== 1) throw new Error(`${result.answers.length} content scripts answered (one http tab expected)`);
  return { answer: result.answers[0] as PageEntitiesResponse, ms: result.ms };
}

function countsOf(answer: PageEntitiesResponse): Counts {
  return Object.fromEntries(answer.entities.map((e) => [e.id, e.count]));
}

function sum(...counts: Counts[]): Counts {
  const out: Counts = {};
  for (const c of counts) for (const [id, n] of Object.entries(c)) out[id] = (out[id] ?? 0) + n;
  for (const id of Object.keys(out)) if (out[id] === 0) delete out[id];
  return out;
}

/** Polls until page-entities says idle AND reports exactly `expected`; returns that answer. */
async function settle(expected: Counts, timeout = 10_000, message?: string): Promise<PageEntitiesResponse> {
  let last: PageEntitiesResponse | null = null;
  await expect
    .poll(
      async () => {
        try {
          last = (await ask()).answer;
          return { status: last.status, counts: countsOf(last) };
        } catch (error) {
          return { error: (error as Error).message };
        }
      },
      { timeout, intervals: [50, 100, 200, 250], message },
    )
    .toEqual({ status: 'idle', counts: expected });
  return last!;
}

/** The extension's bookmarks, asked from its own page. */
async function bookmarks(): Promise<unknown> {
  return control.evaluate(() => chrome.runtime.sendMessage({ type: 'list-bookmarks' }));
}

// ---------------------------------------------------------------------------------------------------------
// Reading pages without running the page's own functions

/** Evaluates `expression` through the DevTools protocol, in the page's main world or in a fresh world. */
async function cdpEval<T>(page: Page, expression: string, world: 'main' | 'fresh' = 'main'): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let contextId: number | undefined;
    if (world === 'fresh') {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      ({ executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `hardening-${Date.now()}` }));
    }
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`${expression.slice(0, 80)}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * The non-empty highlights of the document's CSS.highlights registry, read in a fresh isolated world: the
 * registry is the document's (shared by every world), but a page may have broken its own world's view of it.
 */
async function highlightsOf(page: Page): Promise<Counts> {
  return cdpEval(
    page,
    `(() => { const out = {}; CSS.highlights.forEach((h, name) => { if (h.size > 0) out[name] = h.size; }); return out; })()`,
    'fresh',
  );
}

const KIND: Record<string, string> = {
  unodc: 'agency', unicef: 'agency', unhcr: 'agency', ohchr: 'agency', osce: 'agency', unfpa: 'agency',
  unaids: 'agency', icmpd: 'agency', 'un-women': 'agency',
};

function highlightSizesFor(counts: Counts): Counts {
  const out: Counts = {};
  for (const [id, n] of Object.entries(counts)) {
    const name = `icat-lens-${KIND[id] ?? `unknown-kind-of-${id}`}`;
    out[name] = (out[name] ?? 0) + n;
  }
  return out;
}

/** Exactly one of our ranges per mention, none left over from text that is gone. */
async function expectHighlights(page: Page, counts: Counts, message?: string, base?: Page): Promise<void> {
  // Ranges reach the registry in batches (HIGHLIGHT_BATCH_MS): poll briefly.
  await expect.poll(() => highlightsOf(page), { timeout: 3_000, message }).toEqual(highlightSizesFor(counts));
  // The same DevTools-protocol work on the plain page, so both main threads carry it when long tasks are compared.
  if (base) expect(await highlightsOf(base)).toEqual({});
}

const pageChecksOf = (page: Page) => cdpEval<Checks>(page, 'window.pageChecks');
const outerHtmlOf = (page: Page) => cdpEval<string>(page, 'document.documentElement.outerHTML', 'fresh');

/** Byte-identical, or a readable failure around the first difference. */
async function expectSameDom(page: Page, base: Page, label = 'document'): Promise<void> {
  const [actual, expected] = await Promise.all([outerHtmlOf(page), outerHtmlOf(base)]);
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (s: string) => s.slice(Math.max(0, i - 200), i + 200);
  expect(
    { where: `${label}: first difference at ${i} (lengths ${actual.length} vs ${expected.length})`, markup: around(actual) },
    `${label} must be byte-identical with and without the extension`,
  ).toEqual({ where: `${label}: first difference at ${i} (lengths ${actual.length} vs ${expected.length})`, markup: around(expected) });
}

// ---------------------------------------------------------------------------------------------------------
// Long tasks

interface TaskEntry {
  start: number;
  duration: number;
}
interface FrameEntry extends TaskEntry {
  renderStart: number;
  pageScriptMs: number;
}
interface Entries {
  dcl: number;
  tasks: TaskEntry[];
  frames: FrameEntry[];
}

const entriesOf = (page: Page) => cdpEval<Entries>(page, 'window.__hardening.read()');

/**
 * Long tasks that start after DOMContentLoaded and that the page's own work does not explain, as
 * bench/report.ts attributes them: a content script's work runs on the page's main thread with no name on
 * it, but the Long Animation Frames API names the page's scripts (never an extension's) and times the
 * rendering phase. What is left of a long task after its overlapping frames' rendering and page-script time
 * is work the page did not ask for: the extension's, or a garbage collection (possibly of the page's own
 * garbage), or DevTools-protocol work. That is conservative (it blames the extension for anything
 * unexplained), so the same measure is taken on the same page without the extension: only suspects beyond
 * those of the plain run count. Windows in `exclude` (page clock: our own forced garbage collections for the
 * heap readings) are left out of both.
 */
function suspectTasks(entries: Entries, exclude: [number, number][] = []): { start: number; duration: number; unexplained: number }[] {
  const out: { start: number; duration: number; unexplained: number }[] = [];
  for (const task of entries.tasks) {
    if (task.start < entries.dcl) continue;
    const end = task.start + task.duration;
    if (exclude.some(([from, to]) => task.start <= to && end >= from)) continue;
    let rendering = 0;
    let pageScripts = 0;
    for (const frame of entries.frames) {
      const frameEnd = frame.start + frame.duration;
      if (frameEnd <= task.start || frame.start >= end) continue;
      if (frame.renderStart > 0) rendering += Math.max(0, Math.min(end, frameEnd) - Math.max(task.start, frame.renderStart));
      pageScripts += frame.pageScriptMs;
    }
    const unexplained = task.duration - rendering - pageScripts;
    if (unexplained > LONG_TASK_MS) out.push({ start: Math.round(task.start), duration: Math.round(task.duration), unexplained: Math.round(unexplained) });
  }
  return out;
}

async function expectNoExtensionLongTasks(
  page: Page,
  base: Page,
  exclude: { page?: [number, number][]; base?: [number, number][] } = {},
): Promise<void> {
  const [mine, theirs] = await Promise.all([entriesOf(page), entriesOf(base)]);
  const withExt = suspectTasks(mine, exclude.page);
  const without = suspectTasks(theirs, exclude.base);
  const after = (e: Entries) => e.tasks.filter((t) => t.start >= e.dcl).length;
  test.info().annotations.push({
    type: 'long tasks',
    description:
      `after DOMContentLoaded: ${after(mine)} with the extension (${withExt.length} unexplained: ${JSON.stringify(withExt)}), ` +
      `${after(theirs)} without (${without.length} unexplained: ${JSON.stringify(without)})`,
  });
  // A suspect in the plain run is the page's own (or the browser's): as many may appear with the extension.
  expect(withExt.length, `unexplained long tasks with the extension: ${JSON.stringify(withExt)}; without: ${JSON.stringify(without)}`).toBeLessThanOrEqual(
    without.length,
  );
}

// ---------------------------------------------------------------------------------------------------------
// 1. A ticker rewriting text about 2,000 times a second

const CHURN_STATIC: Counts = { unodc: 2, unicef: 1, ohchr: 1, osce: 1 };
const CHURN_MS = 4_000;
const CHURN_SWITCH_MS = 1_000;

type ChurnResult = { ticks: number; iterations: number; maxGap: number; durationMs: number; expectedTicks: number };
const churn = (p: Page) =>
  p.evaluate(([ms, switchAt]) => (window as unknown as { startChurn: (a: number, b: number, c: number) => Promise<ChurnResult> }).startChurn(ms, 2000, switchAt), [
    CHURN_MS,
    CHURN_SWITCH_MS,
  ] as const);

test('text churn: a ticker rewritten 2,000 times a second does not stop answers, rescans, or the page', async () => {
  test.setTimeout(30_000);
  const pair = await openPair('text-churn.html');
  const { page, base } = pair;
  try {
    await settle(sum(CHURN_STATIC, { unaids: 1 }));

    // While the ticker runs: every answer comes, the static paragraphs' counts are exact in each, the ticker
    // holds exactly one mention, and its change of agency is picked up although the text never stops changing
    // (RESCAN_MAX_WAIT_MS: at least one rescan a second).
    const started = Date.now();
    const running = churn(page);
    let done = false;
    void running.then(() => (done = true), () => (done = true));
    const seen: { at: number; ms: number; counts: Counts; status: string }[] = [];
    let switchedAt: number | null = null;
    while (!done) {
      const { answer, ms } = await ask();
      const at = Date.now() - started;
      const counts = countsOf(answer);
      seen.push({ at, ms: Math.round(ms), counts, status: answer.status });
      if (!done) {
        const ticker = Object.fromEntries(Object.entries(counts).filter(([id]) => !(id in CHURN_STATIC)));
        const staticPart = Object.fromEntries(Object.entries(counts).filter(([id]) => id in CHURN_STATIC));
        expect(staticPart, `static counts at ${at} ms`).toEqual(CHURN_STATIC);
        expect([{ unaids: 1 }, { icmpd: 1 }], `ticker counts at ${at} ms`).toContainEqual(ticker);
        if (counts.icmpd === 1 && switchedAt === null) switchedAt = at;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const mine = await running;
    expect(seen.length, 'answers during the churn').toBeGreaterThan(5);
    const slowest = Math.max(...seen.map((s) => s.ms));
    expect(slowest, `page-entities round trips during the churn: ${JSON.stringify(seen.map((s) => s.ms))}`).toBeLessThan(1_000);
    expect(switchedAt, 'the ticker switched to ICMPD at 1 s and kept changing: a rescan must come within the next ~1 s').not.toBeNull();
    expect(switchedAt!).toBeLessThan(CHURN_SWITCH_MS + 2_500);

    // After it stops: the final line's mentions, the static ones, nothing of the ticker's earlier lines.
    const FINAL = sum(CHURN_STATIC, { unfpa: 1, 'un-women': 1 });
    await settle(FINAL, 5_000, 'after the ticker stopped');
    await expectHighlights(page, FINAL, undefined, base);

    // The same churn without the extension (after: the two must not compete for the CPU).
    const theirs = await churn(base);
    test.info().annotations.push({
      type: 'churn',
      description: `with the extension: ${mine.ticks}/${mine.expectedTicks} rewrites, ${mine.iterations} loop turns, longest gap ${mine.maxGap.toFixed(1)} ms; without: ${theirs.ticks}/${theirs.expectedTicks}, ${theirs.iterations} turns, longest gap ${theirs.maxGap.toFixed(1)} ms; answers ${seen.length}, slowest ${slowest} ms, ICMPD seen at ${switchedAt} ms`,
    });
    // The page keeps its rate: at least 90% of the rewrites it manages alone (a late loop catches up, so this
    // only fails when the loop loses whole seconds), and no stall between two turns of its loop longer than
    // its own longest one plus a long task's 50 ms (the sharp measure: 2,000 steps a second means a step is
    // due every 0.5 ms, and a 50 ms stall is 100 steps late).
    expect(mine.ticks).toBeGreaterThanOrEqual(0.9 * theirs.ticks);
    expect(mine.maxGap, 'longest stall of the page loop with the extension').toBeLessThan(theirs.maxGap + LONG_TASK_MS);

    await expectNoExtensionLongTasks(page, base);
    const checks = await pageChecksOf(page);
    expect(checks).toEqual({ scriptRan: true, runs: 1, finished: 1, finalText: 'Ticker closed: UNFPA and UN Women statement.' });
    expect(checks).toEqual(await pageChecksOf(base));
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 2. 100,000 text nodes

const MANY_NODES: Counts = { unodc: 400, unicef: 299, unhcr: 10, osce: 50 };

test('many nodes: 100,000 text nodes are all read, with exact counts, within a generous time', async () => {
  test.setTimeout(45_000);
  const started = Date.now();
  const pair = await openPair('many-nodes.html');
  const { page, base } = pair;
  try {
    const answer = await settle(MANY_NODES, 30_000);
    const checks = await pageChecksOf(page);
    expect(checks).toEqual({ scriptRan: true, generatedTextNodes: 100_000, planted: MANY_NODES, paragraphs: 5_000, mutations: 0, clicks: 0 });
    // Every text node with text was read once: the generated ones and the heading.
    expect(answer.stats.textNodes).toBe(100_000 + 1);
    test.info().annotations.push({
      type: 'scan',
      description: `idle after ${Date.now() - started} ms (both loads included); scanMs ${answer.stats.scanMs}, idleAt ${answer.stats.idleAt} ms, chars ${answer.stats.chars}`,
    });
    await expectHighlights(page, MANY_NODES, undefined, base);
    await expectNoExtensionLongTasks(page, base);
    for (const p of [page, base]) await p.click('#generated p:nth-child(2)');
    expect(await pageChecksOf(page)).toEqual({ ...checks, clicks: 1 });
    expect(await pageChecksOf(page)).toEqual(await pageChecksOf(base));
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 3. Markup 5,000 deep

const DEEP: Counts = {
  unicef: 8, // a note every 500 levels of 4,000 divs
  ohchr: 1, // span 5 of the chain
  unodc: 1, // "UNO" at span 10 + "DC" in the deepest span: one inline block
  'un-women': 1, // deepest span
};

test('deep nesting: 5,000 levels are read to the bottom without overflowing a stack, and changes down there followed', async () => {
  test.setTimeout(30_000);
  const pair = await openPair('deep-nesting.html');
  const { page, base } = pair;
  try {
    await settle(DEEP, 15_000);
    await expectHighlights(page, DEEP, undefined, base);

    type DeepActions = { deepActions: { appendAtBottom(): void; clickBottom(): void; recheckDepth(): number } };
    for (const p of [page, base]) {
      await p.evaluate(() => (window as unknown as DeepActions).deepActions.appendAtBottom());
      await p.evaluate(() => (window as unknown as DeepActions).deepActions.clickBottom());
    }
    const after = sum(DEEP, { unfpa: 1 });
    await settle(after, 5_000, 'after a paragraph was added 4,000 levels down');
    await expectHighlights(page, after, undefined, base);
    expect(await page.evaluate(() => (window as unknown as DeepActions).deepActions.recheckDepth())).toBeGreaterThan(5_000);

    await expectNoExtensionLongTasks(page, base);
    const checks = await pageChecksOf(page);
    expect(checks).toEqual({ scriptRan: true, depth: 5_000, clicks: 1, appended: 1, mutations: 1 });
    expect(checks).toEqual(await pageChecksOf(base));
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 4. A page that redefines its world's built-ins

/** How the page records WXT's window.postMessage announcing a started content script (with our id in it). */
const WXT_ANNOUNCEMENT = `object type=${CHROME_EXTENSION_ID}:content:wxt:content-script-started`;

const HOSTILE: Counts = { unodc: 2, unicef: 1, 'un-women': 1, ohchr: 1, osce: 1, unhcr: 1, unfpa: 1, unaids: 1 };

test('hostile prototypes: a page breaking and spying on its own built-ins neither stops nor sees the extension', async () => {
  test.setTimeout(30_000);
  // Everything here reads the page through the DevTools protocol (a fresh world, or a plain property read):
  // Playwright's page.evaluate runs helper code in the main world, which the page's spies would count.
  const pair = await openPair('hostile-prototypes.html');
  const { page, base } = pair;
  try {
    await settle(HOSTILE);
    // The page broke CSS.highlights in its world; the registry itself is intact, and holds our ranges.
    await expectHighlights(page, HOSTILE, undefined, base);
    for (const p of [page, base]) await p.click('#go'); // Playwright works from its own isolated world

    const [checks, baseChecks] = [await pageChecksOf(page), await pageChecksOf(base)];
    expect(checks.selfTest).toEqual({ spiesWork: true, treeWalkerBroken: true, staticRangeBroken: true, highlightsBroken: true });
    expect(checks).toMatchObject({ scriptRan: true, clicks: 1, mutations: 0 });
    // No call reached the page's spies after load: nobody else ran code in the page's world.
    expect(await cdpEval(page, 'window.spyCounts')).toEqual(checks.afterLoad);
    expect(await cdpEval(base, 'window.spyCounts')).toEqual(baseChecks.afterLoad);
    expect(checks.afterLoad).toEqual(baseChecks.afterLoad);
    // Messages posted to the page's window: WXT's content-script context announces itself with
    // window.postMessage({ type: '<extension id>:content:wxt:content-script-started', ... }) (its default,
    // node_modules/wxt/dist/utils/content-script-context.mjs). Recorded, not asserted: presence is already
    // visible in the shared highlight registry (docs/security.md).
    test.info().annotations.push({ type: 'messages the page saw', description: `with: ${JSON.stringify(checks.foreignMessages)}; without: ${JSON.stringify(baseChecks.foreignMessages)}` });
    expect({ ...checks, foreignMessages: [] }).toEqual({ ...baseChecks, foreignMessages: [] });
    expect(baseChecks.foreignMessages).toEqual([]);
    expect([[], [WXT_ANNOUNCEMENT]], 'messages posted to the page by someone else').toContainEqual(checks.foreignMessages);

    await expectNoExtensionLongTasks(page, base);
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 5. A postMessage flood with look-alikes of our messages

const FLOOD: Counts = { unodc: 1, unicef: 1, 'un-women': 1, ohchr: 1 };
const FLOOD_BATCHES = 150;

test('postMessage flood: junk and look-alikes of our messages are ignored, answers stay quick and right', async () => {
  test.setTimeout(30_000);
  expect(await bookmarks()).toEqual({ ok: true, data: [] });
  const pair = await openPair('postmessage-flood.html');
  const { page, base } = pair;
  type Flood = { flood: (batches: number) => Promise<Checks> };
  try {
    await settle(FLOOD);
    const running = page.evaluate((n) => (window as unknown as Flood).flood(n), FLOOD_BATCHES);
    let done = false;
    void running.then(() => (done = true), () => (done = true));
    const rounds: number[] = [];
    while (!done) {
      const { answer, ms } = await ask();
      rounds.push(Math.round(ms));
      const counts = countsOf(answer);
      // Before or after the paragraph added halfway: nothing else ever.
      expect([FLOOD, sum(FLOOD, { unhcr: 1 })]).toContainEqual(counts);
    }
    const mine = await running;
    const after = sum(FLOOD, { unhcr: 1 });
    await settle(after, 5_000, 'after the flood');
    await expectHighlights(page, after);
    const theirs = await base.evaluate((n) => (window as unknown as Flood).flood(n), FLOOD_BATCHES);
    test.info().annotations.push({
      type: 'flood',
      description: `${(mine as { sent: number }).sent} messages on each channel; page-entities round trips during it: ${JSON.stringify(rounds)} ms; messages the page did not send: ${JSON.stringify(mine.foreign)}`,
    });
    expect(Math.max(...rounds), 'slowest page-entities round trip during the flood').toBeLessThan(1_000);
    // Nothing was saved, removed, opened or replaced by look-alike messages.
    expect(await bookmarks()).toEqual({ ok: true, data: [] });
    expect(ext.pages().map((p) => p.url()).filter((u) => u.startsWith('chrome-extension:')), 'extension pages open').toEqual([
      `chrome-extension://${CHROME_EXTENSION_ID}/options.html`,
    ]);
    expect(await page.evaluate(() => document.querySelector('icat-lens-ui'))).toBeNull(); // no list of mentions opened
    // The page received all of its own messages, with or without the extension.
    expect({ ...mine, foreign: [] }).toEqual({ ...theirs, foreign: [] });
    // Besides its own, the page saw only WXT's one announcement of the content script (see the hostile page test).
    expect(theirs.foreign).toEqual([]);
    expect([[], [WXT_ANNOUNCEMENT]]).toContainEqual(mine.foreign);
    expect(mine).toMatchObject({ scriptRan: true, sent: FLOOD_BATCHES * 21, lateAdded: true });

    await expectNoExtensionLongTasks(page, base);
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});

test("a page dispatching WXT's script-started event with our public id does not switch the extension off", async () => {
  // WXT's ContentScriptContext invalidates itself when `document` receives a CustomEvent named
  // `<extension id>:content:wxt:content-script-started` from another instance. The id of ICAT Lens is public
  // (pinned by the manifest key; the store assigns a fixed one too), so any page can dispatch it.
  test.setTimeout(20_000);
  const pair = await openPair('postmessage-flood.html');
  const { page, base } = pair;
  try {
    await settle(FLOOD);
    for (const p of [page, base]) {
      await p.evaluate((id) => {
        const name = `${id}:content:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'hostile-page' } }));
      }, CHROME_EXTENSION_ID);
    }
    await page.waitForTimeout(300);
    await expectHighlights(page, FLOOD, 'highlights after the event');
    await page.evaluate(() => (document.getElementById('late')!.innerHTML = '<p>UNHCR staff joined the review.</p>'));
    await base.evaluate(() => (document.getElementById('late')!.innerHTML = '<p>UNHCR staff joined the review.</p>'));
    await settle(sum(FLOOD, { unhcr: 1 }), 5_000, 'the extension still follows the page after the event');
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 6. The whole <body> replaced, several times

const BODY_STEPS: { how: string; counts: Counts }[] = [
  { how: 'remove+append', counts: { ohchr: 1, osce: 2 } },
  { how: 'replaceChild', counts: { 'un-women': 1, unfpa: 1 } },
  { how: 'body setter', counts: { unhcr: 3 } },
  { how: 'remove+append', counts: { icmpd: 1, unodc: 1 } },
];

test('body swap: counts and highlights follow the current <body> when the whole body is replaced', async () => {
  test.setTimeout(30_000);
  const pair = await openPair('body-swap.html');
  const { page, base } = pair;
  try {
    await settle({ unodc: 1, unicef: 1 });
    for (const [step, { how, counts }] of BODY_STEPS.entries()) {
      for (const p of [page, base]) {
        expect(await p.evaluate((s) => (window as unknown as { swapBody: (s: number) => boolean }).swapBody(s), step)).toBe(true);
      }
      await settle(counts, 5_000, `after body swap ${step + 1} (${how})`);
      // Ranges of the removed body's text are gone from the registry (the page shares it).
      await expectHighlights(page, counts, `highlights after body swap ${step + 1} (${how})`, base);
    }
    for (const p of [page, base]) await p.click('h1');
    await expectNoExtensionLongTasks(page, base);
    const checks = await pageChecksOf(page);
    expect(checks).toEqual({ scriptRan: true, swaps: BODY_STEPS.map((s) => s.how), bodyClicks: 1 });
    expect(checks).toEqual(await pageChecksOf(base));
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});

// ---------------------------------------------------------------------------------------------------------
// 7. A single-page app navigating 100 times

/** Retained JS heap and live DOM nodes of the page's renderer after a full garbage collection, with the page-clock window the collection took. */
async function memoryOf(page: Page): Promise<{ heap: number; nodes: number; window: [number, number] }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const now = async () => ((await cdp.send('Runtime.evaluate', { expression: 'performance.now()', returnByValue: true })).result.value as number);
    const from = await now();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    const to = await now();
    return { heap: usedSize, nodes, window: [from - 1, to + 1] };
  } finally {
    await cdp.detach();
  }
}

test('single-page app: after 100 navigations counts match the last view, and memory does not grow with them', async () => {
  test.setTimeout(45_000);
  const pair = await openPair('spa.html');
  const { page, base } = pair;
  type Spa = { runNavigations: (a: number, b: number) => Promise<number>; viewCounts: (n: number) => Counts };
  try {
    await settle({ unodc: 1, unicef: 1 });
    const viewCounts = (n: number) => page.evaluate((v) => (window as unknown as Spa).viewCounts(v), n);
    const navigate = (p: Page, from: number, to: number) => p.evaluate(([a, b]) => (window as unknown as Spa).runNavigations(a, b), [from, to] as const);

    // Both browsers run the same navigations side by side (memory, not timing, is compared here).
    await Promise.all([navigate(page, 1, 10), navigate(base, 1, 10)]);
    await settle(await viewCounts(10), 10_000, 'after 10 navigations');
    const [mine10, theirs10] = await Promise.all([memoryOf(page), memoryOf(base)]);
    await Promise.all([navigate(page, 11, 100), navigate(base, 11, 100)]);
    const last = await viewCounts(100);
    await settle(last, 10_000, 'after 100 navigations');
    await expectHighlights(page, last, undefined, base);
    const [mine100, theirs100] = await Promise.all([memoryOf(page), memoryOf(base)]);

    const growth = { heap: mine100.heap - mine10.heap, nodes: mine100.nodes - mine10.nodes };
    const baseGrowth = { heap: theirs100.heap - theirs10.heap, nodes: theirs100.nodes - theirs10.nodes };
    test.info().annotations.push({
      type: 'memory 10 -> 100 navigations',
      description: `with the extension: heap ${(mine10.heap / 1048576).toFixed(2)} -> ${(mine100.heap / 1048576).toFixed(2)} MB, DOM nodes ${mine10.nodes} -> ${mine100.nodes}; without: heap ${(theirs10.heap / 1048576).toFixed(2)} -> ${(theirs100.heap / 1048576).toFixed(2)} MB, nodes ${theirs10.nodes} -> ${theirs100.nodes}`,
    });
    // The bounds. Each view is 31 elements and 31 text nodes with 10 mentions; 90 views replaced each other
    // between the two readings. If the scanner kept what it read of a replaced view (match records,
    // StaticRanges, map entries, about 0.5 KB a mention in V8, plus the detached nodes they hold), 90 views
    // would keep 900 records and 5,580 nodes. Detached DOM nodes live in Blink's heap, not V8's, so they are
    // counted directly (Memory.getDOMCounters after a full collection): more than one view's worth (62) over
    // the plain run means views are kept. The JS heap may wobble by a few hundred KB after a forced collection
    // (compiled code, feedback vectors, the history entries both runs keep); 1 MB over the plain run's growth
    // is about 2,000 leaked records, i.e. more than two per navigation and mention, while one record per
    // mention kept for every view (~450 KB) still fits: the node count is the sharp test, the heap the blunt one.
    expect(growth.nodes - baseGrowth.nodes, `DOM nodes kept: ${JSON.stringify({ growth, baseGrowth })}`).toBeLessThan(62);
    expect(growth.heap - baseGrowth.heap, `JS heap growth over the plain run's: ${JSON.stringify({ growth, baseGrowth })}`).toBeLessThan(1_048_576);

    await expectNoExtensionLongTasks(page, base, { page: [mine10.window, mine100.window], base: [theirs10.window, theirs100.window] });
    const checks = await pageChecksOf(page);
    expect(checks).toEqual({ scriptRan: true, navigations: 100, popstates: 0, view: 100 });
    expect(checks).toEqual(await pageChecksOf(base));
    await expectSameDom(page, base);
  } finally {
    await closePair(pair);
  }
});
