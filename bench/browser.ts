/**
 * The browser side of the bench: three Chromium launches (ICAT Lens, no extension, the floor probe), a static
 * server on 127.0.0.1, and one function per measurement. Each measurement opens a fresh tab, measures, and closes it,
 * so no run sees the DOM, heap or highlights of another.
 *
 * Written for the bench alone (not imported from tests/e2e/fixtures.ts, which changes with the tests): the
 * launcher and the `page-entities` round trip are the same idea in a few lines.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import {
  BUILT_EXTENSION,
  CHROMIUM,
  CHROMIUM_ARGS,
  ENTRY_FLUSH_MS,
  EXTENSION_ID,
  FLOOR_EXTENSION,
  IDLE_TIMEOUT_MS,
  MARKJS_TIMEOUT_MS,
  POLL_INTERVAL_MS,
  POLL_INTERVAL_WITH_IDLE_AT_MS,
} from './config';

// ---- Launch and serve -------------------------------------------------------------------------------------

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * The three browsers of the bench, all headless Debian Chromium with a fresh profile (no cache, no IndexedDB
 * left from an earlier bench):
 * - `icat`: the built ICAT Lens;
 * - `plain`: no extension at all (no --load-extension): the page's own cost, the in-page floor, mark.js;
 * - `floor`: only bench/floor-extension, whose content script does the bare walk at document_idle: when a
 *   content script gets to run on the page, and the floor from navigation start.
 */
export type BrowserKind = 'icat' | 'plain' | 'floor';

export async function launch(kind: BrowserKind): Promise<Browser> {
  const extension = kind === 'icat' ? BUILT_EXTENSION : kind === 'floor' ? FLOOR_EXTENSION : null;
  if (extension && !existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`No built extension in ${extension}: run \`npx wxt build\` (npm run bench does).`);
  }
  const profile = mkdtempSync(join(tmpdir(), `icat-lens-bench-${kind}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []), ...CHROMIUM_ARGS],
  });
  await context.addInitScript(installObservers);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves the generated pages from `dir` on an ephemeral 127.0.0.1 port, never cached (every load is cold
 *  in the same way). */
export async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const name = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
    const file = join(dir, name);
    if (!file.startsWith(dir) || !name.endsWith('.html') || !existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())),
  };
}

// ---- In-page instruments ----------------------------------------------------------------------------------

export interface TaskEntry {
  start: number;
  duration: number;
}

/** A long animation frame: where its rendering phase starts, and how much of it page scripts took. */
export interface FrameEntry extends TaskEntry {
  renderStart: number;
  pageScriptMs: number;
}

interface BenchGlobals {
  __bench: { tasks: TaskEntry[]; frames: FrameEntry[]; flush(): void };
}

/**
 * Runs in every document before its own scripts (context.addInitScript): records long tasks and long
 * animation frames from navigation start (buffered). The content script's work shows up here because every
 * world of a page runs on the page's one main thread; the Long Animation Frames API also names the page's own
 * scripts, and never an extension's (checked on Chromium 156), which is what attribution uses (report.ts).
 */
function installObservers(): void {
  const tasks: TaskEntry[] = [];
  const frames: FrameEntry[] = [];
  const flushers: (() => void)[] = [];
  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
    try {
      const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
      observer.observe({ type, buffered: true });
      // Entries already recorded but not yet delivered to the callback (it runs in a later task).
      flushers.push(() => observer.takeRecords().forEach(onEntry));
    } catch {
      // An entry type this browser does not support: that column stays empty.
    }
  };
  observe('longtask', (e) => tasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) => {
    const frame = e as PerformanceEntry & { renderStart: number; scripts?: { sourceURL: string; duration: number }[] };
    const pageScriptMs = (frame.scripts ?? [])
      .filter((s) => !s.sourceURL.startsWith('chrome-extension:'))
      .reduce((sum, s) => sum + s.duration, 0);
    frames.push({ start: e.startTime, duration: e.duration, renderStart: frame.renderStart, pageScriptMs });
  });
  (window as unknown as BenchGlobals).__bench = { tasks, frames, flush: () => flushers.forEach((f) => f()) };
}

interface Entries {
  /** DOMContentLoaded (end) and the load event (start), page clock. */
  dcl: number;
  load: number;
  tasks: TaskEntry[];
  frames: FrameEntry[];
}

async function readEntries(page: Page): Promise<Entries> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const bench = (window as unknown as BenchGlobals).__bench;
    bench.flush();
    return { dcl: nav?.domContentLoadedEventEnd ?? 0, load: nav?.loadEventStart ?? 0, tasks: bench.tasks, frames: bench.frames };
  });
}

/** JS heap of the page's renderer isolate (page scripts and content scripts share it), after a full GC so the
 *  number is what is retained, not garbage waiting for the next collection. */
async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- The extension's content script ----------------------------------------------------------------------

export interface PageEntitiesReply {
  status: string;
  stats: { textNodes: number; chars: number; scanMs: number; idleAt?: number };
  entities: { id: string; kind: string; name: string; count: number }[];
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
  return live ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(EXTENSION_ID), timeout: 30_000 });
}

/**
 * Asks every tab's content script for `page-entities`, from the extension's service worker (the only way in:
 * a page cannot message the extension). The bench keeps one http tab open at a time, so at most one answers;
 * null while the content script is not there yet.
 */
async function askPageEntities(context: BrowserContext): Promise<PageEntitiesReply | null> {
  type Chrome = {
    tabs: {
      query(q: object): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown): Promise<PageEntitiesReply>;
    };
  };
  for (let attempt = 0; ; attempt++) {
    const worker = await extensionWorker(context);
    try {
      const replies = await worker.evaluate(async () => {
        const { tabs } = (globalThis as unknown as { chrome: Chrome }).chrome;
        const all = await tabs.query({});
        const answers = await Promise.all(
          all.map((tab) => tabs.sendMessage(tab.id!, { type: 'page-entities' }).catch(() => null)),
        );
        return answers.filter((a): a is PageEntitiesReply => a !== null && a !== undefined);
      });
      if (replies.length > 1) throw new Error(`${replies.length} content scripts answered; the bench keeps one tab`);
      return replies[0] ?? null;
    } catch (error) {
      // An MV3 worker can be stopped between two polls; the next event starts a new one.
      if (attempt >= 2 || !String(error).includes('closed')) throw error;
    }
  }
}

export interface ExtensionRun extends Entries {
  /** Navigation start -> first idle, in the page's clock (ms). */
  idle: number;
  /** How `idle` was known: the content script's own `stats.idleAt`, or polled (the upper end of a bracket). */
  timing: 'idleAt' | 'polled';
  /** Width of the polling bracket (0 with idleAt). */
  idleError: number;
  reply: PageEntitiesReply;
  heapBytes: number;
}

/** Set once an answer carried `stats.idleAt`: from then on polls only have to notice idleness, not time it. */
let reportsIdleAt = false;

/** (c), (d), (e) with ICAT Lens: load the page, poll until the scan is idle, then read the entries and the
 *  heap. Polling starts at commit so a fast scan is not missed. */
export async function measureExtension(context: BrowserContext, url: string): Promise<ExtensionRun> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const deadline = Date.now() + IDLE_TIMEOUT_MS;
    // Without idleAt, idle is bracketed by page-clock reads around the polls: it came after the previous poll
    // was sent (that poll saw no idle scan) and before the page saw the idle answer. While the scan runs, a
    // message waits for it to yield, so the answer comes late and the upper end is the better estimate.
    let previousSent: number | null = null;
    for (;;) {
      const sent = reportsIdleAt ? 0 : await pageNow(page);
      const reply = await askPageEntities(context);
      if (reply?.status === 'idle') {
        const seen = await pageNow(page);
        await sleep(ENTRY_FLUSH_MS);
        const entries = await readEntries(page);
        const idleAt = reply.stats.idleAt;
        if (typeof idleAt === 'number') reportsIdleAt = true;
        const polled = typeof idleAt !== 'number';
        return {
          ...entries,
          idle: polled ? seen : idleAt,
          timing: polled ? 'polled' : 'idleAt',
          idleError: polled ? seen - (previousSent ?? entries.dcl) : 0,
          reply,
          heapBytes: await heapUsed(context, page),
        };
      }
      previousSent = sent;
      if (Date.now() > deadline) throw new Error(`the content script was not idle after ${IDLE_TIMEOUT_MS} ms on ${url}`);
      await sleep(reportsIdleAt ? POLL_INTERVAL_WITH_IDLE_AT_MS : POLL_INTERVAL_MS);
    }
  } finally {
    await page.close();
  }
}

// ---- The floor probe ----------------------------------------------------------------------------------------

export interface FloorRun {
  dcl: number;
  load: number;
  /** When the probe's content script started: document_idle on this page (page clock). */
  injected: number;
  /** When its bare walk was done: the floor of "navigation start -> idle". */
  done: number;
  nodes: number;
  chars: number;
}

/** The page in the `floor` browser: when document_idle content scripts run on it (on the generated pages:
 *  just before the load event, which waits for them), and how long the bare walk takes there, in a content
 *  script's isolated world as ICAT Lens's runs. */
export async function measureFloorProbe(context: BrowserContext, url: string): Promise<FloorRun> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => document.documentElement.getAttribute('data-bench-floor'), undefined, {
      polling: 50,
      timeout: IDLE_TIMEOUT_MS,
    });
    const probe = JSON.parse((await handle.jsonValue()) as string) as { start: number; end: number; nodes: number; chars: number };
    const { dcl, load } = await readEntries(page);
    return { dcl, load, injected: probe.start, done: probe.end, nodes: probe.nodes, chars: probe.chars };
  } finally {
    await page.close();
  }
}

// ---- Without the extension --------------------------------------------------------------------------------

export interface BaselineRun extends Entries {
  heapBytes: number;
  /** (a) the floor: one TreeWalker pass over every text node of body, reading `.data`. */
  walkMs: number;
  walkNodes: number;
  walkChars: number;
}

/** (a), (d), (e) without the extension: the same page, left alone for the same window after
 *  DOMContentLoaded as the extension's run needed to become idle; then the heap; then the floor walk (last,
 *  so its strings are not in the heap figure). */
export async function measureBaseline(context: BrowserContext, url: string, windowMs: number): Promise<BaselineRun> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const dclEnd = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    );
    await page.waitForFunction((t) => performance.now() >= t, dclEnd + windowMs + ENTRY_FLUSH_MS, { polling: 50 });
    const entries = await readEntries(page);
    const heapBytes = await heapUsed(context, page);
    const walk = await page.evaluate(() => {
      const start = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let nodes = 0;
      let chars = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes += 1;
        chars += (node as Text).data.length;
      }
      return { ms: performance.now() - start, nodes, chars };
    });
    return { ...entries, heapBytes, walkMs: walk.ms, walkNodes: walk.nodes, walkChars: walk.chars };
  } finally {
    await page.close();
  }
}

// ---- mark.js ----------------------------------------------------------------------------------------------

export interface MarkJsOptions {
  /** Terms matched ignoring case, and terms matched exactly (the library's `caseSensitive`): two calls. */
  insensitive: string[];
  sensitive: string[];
  /** mark.js options shared by both calls (see report.ts for the reasons). */
  options: Record<string, unknown>;
}

export type MarkJsRun = { ms: number; marks: number } | { timeout: true };

/** (b) mark.js on a freshly loaded page without the extension, timed inside the page. A run past
 *  MARKJS_TIMEOUT_MS is stopped with CDP Runtime.terminateExecution and reported as a timeout. */
export async function measureMarkJs(context: BrowserContext, url: string, source: string, terms: MarkJsOptions): Promise<MarkJsRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: source });
    const work = page.evaluate(async ({ insensitive, sensitive, options }) => {
      type MarkInstance = { mark(keywords: string[], options: object): void };
      const Mark = (window as unknown as { Mark: new (context: Element) => MarkInstance }).Mark;
      const start = performance.now();
      let marks = 0;
      for (const [keywords, caseSensitive] of [[insensitive, false], [sensitive, true]] as const) {
        await new Promise<void>((done) =>
          new Mark(document.body).mark(keywords, { ...options, caseSensitive, done: (n: number) => ((marks += n), done()) }),
        );
      }
      return { ms: performance.now() - start, marks };
    }, terms);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), MARKJS_TIMEOUT_MS)));
    const result = await Promise.race([work, timeout]);
    clearTimeout(timer);
    if (result !== 'timeout') return result;
    await cdp.send('Runtime.terminateExecution');
    await work.catch(() => undefined);
    return { timeout: true };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** Loads a page in each browser once, untimed: the first navigation of a fresh profile pays for process
 *  start-up and, with ICAT Lens, for the background's first seeding of its database. */
export async function warmUp(browsers: Record<BrowserKind, Browser>, url: string): Promise<void> {
  await extensionWorker(browsers.icat.context);
  await measureExtension(browsers.icat.context, url);
  await measureBaseline(browsers.plain.context, url, 100);
  await measureFloorProbe(browsers.floor.context, url);
  await sleep(1_000);
}
