/**
 * Playwright fixtures: Debian's Chromium with the built extension loaded, a page server on 127.0.0.1, and
 * handles on the extension's service worker. No browser is downloaded (see README).
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { PageEntitiesResponse } from '../../lib/messaging/protocol';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CHROME_EXTENSION_ID } from '../../lib/config/extension-key';

export const BUILT_EXTENSION = resolve(process.env.ICAT_LENS_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const PAGES = resolve('tests/e2e/pages');

export async function launchWithExtension(
  extensionDir: string | string[],
  userDataDir: string,
): Promise<BrowserContext> {
  const dirs = ([] as string[]).concat(extensionDir);
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`No built extension in ${dir}: run \`npm run build\` first (npm run test:e2e does).`);
    }
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${dirs.join(',')}`,
      `--load-extension=${dirs.join(',')}`,
      '--no-sandbox',
      '--disable-gpu',
      // This machine has no network: without these Chromium keeps trying to reach Google's services.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${CHROME_EXTENSION_ID}/`));
  return existing ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(CHROME_EXTENSION_ID) });
}

/** Serves tests/e2e/pages on an ephemeral 127.0.0.1 port. */
export async function startPageServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(PAGES, path || 'index.html');
    if (!file.startsWith(PAGES) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())) };
}

type Fixtures = {
  userDataDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  pages: { origin: string };
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'icat-lens-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use) => {
    const context = await launchWithExtension(BUILT_EXTENSION, userDataDir);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => use(await serviceWorkerOf(context)),
  extensionId: async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host),
  // eslint-disable-next-line no-empty-pattern
  pages: async ({}, use) => {
    const server = await startPageServer();
    await use({ origin: server.origin });
    await server.close();
  },
});

export const expect = test.expect;

/**
 * Sends `page-entities` from the service worker to the content script of the tab showing `url`. Without the
 * `tabs` permission tab URLs are hidden, so it asks every tab and keeps the answer from the one whose
 * document has that URL (each content script is asked through its own tab).
 */
export async function pageEntitiesOf(serviceWorker: Worker, page: Page): Promise<PageEntitiesResponse> {
  const marker = await page.evaluate(() => document.title);
  const replies = await serviceWorker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Promise.all(
      tabs.map((tab) =>
        chrome.tabs.sendMessage(tab.id!, { type: 'page-entities' }).then(
          (reply) => ({ title: (tab as { title?: string }).title ?? null, reply }),
          () => null,
        ),
      ),
    );
  });
  const answers = replies.filter((r): r is { title: string | null; reply: PageEntitiesResponse } => r !== null);
  const mine = answers.length === 1 ? answers[0] : answers.find((a) => a.title === marker);
  if (!mine) throw new Error(`no content script answered for "${marker}" (${answers.length} answers)`);
  return mine.reply;
}

/**
 * Runs `fn` against our UI's closed shadow root (page scripts cannot reach it, and neither can
 * Playwright's locators): the DevTools protocol pierces closed roots. Returns what `fn` returns (JSON).
 * `fn` is a function source taking the shadow root as `this`.
 */
export async function inOurShadowRoot<T>(page: Page, fn: string, arg?: unknown): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type DomNode = { nodeName: string; nodeId: number; children?: DomNode[]; shadowRoots?: DomNode[]; backendNodeId: number };
    const find = (node: DomNode): DomNode | null => {
      if (node.nodeName === 'ICAT-LENS-UI') return node.shadowRoots?.[0] ?? null;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    const shadow = find(root as DomNode);
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in our shadow root: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The center of the first element matching `selector` in our shadow root, in viewport px (to click for real). */
export async function centerInOurUi(page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  return inOurShadowRoot(
    page,
    `function (selector) {
      const el = this.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
    selector,
  );
}
