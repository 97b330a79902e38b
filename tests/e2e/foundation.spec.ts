import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from '@playwright/test';
import { CHROME_EXTENSION_ID } from '../../lib/config/extension-key';
import { BUILT_EXTENSION, expect, launchWithExtension, pageEntitiesOf, serviceWorkerOf, test } from './fixtures';

const bundled = JSON.parse(readFileSync(resolve('assets/data/icat-library.json'), 'utf8'));

test('the popup shows the seeded library: counts per table, dataset version, IndexedDB storage', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[data-table="publications"] dd')).toHaveText(String(bundled.publications.length));
  await expect(popup.locator('[data-table="events"] dd')).toHaveText(String(bundled.events.length));
  await expect(popup.locator('[data-table="agencies"] dd')).toHaveText(String(bundled.agencies.length));
  await expect(popup.locator('[data-table="people"] dd')).toHaveText(String(bundled.people.length));
  await expect(popup.locator('[data-table="terms"] dd')).toHaveText(String(bundled.terms.length));
  await expect(popup.getByTestId('dataset-version')).toContainText(bundled.version);
  await expect(popup.getByTestId('storage-state')).toContainText('IndexedDB');

  // The search box returns real records from the database.
  await popup.getByRole('combobox').fill('Preventing trafficking in persons by addressing demand');
  await expect(popup.locator('.result').first()).toHaveAttribute('data-id', 'icat-policy-paper-2-demand');
});

test('the options page shows every table and the dataset version', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('[data-table="ambiguities"] dd')).toHaveText(String(bundled.ambiguities.length));
  await expect(options.getByTestId('dataset-version')).toContainText(bundled.version);
});

test('page-entities round-trips from the service worker to a page on 127.0.0.1', async ({ context, serviceWorker, pages }) => {
  const page = await context.newPage();
  await page.goto(`${pages.origin}/article.html`);
  const before = await page.content();
  await expect.poll(async () => (await pageEntitiesOf(serviceWorker, page)).status, { timeout: 10_000 }).toBe('idle');
  const answer = await pageEntitiesOf(serviceWorker, page);
  expect(answer.stats.textNodes).toBeGreaterThan(3);
  expect(answer.stats.chars).toBeGreaterThan(200);
  expect(answer.stats.scanMs).toBeGreaterThanOrEqual(0);
  expect(Object.fromEntries(answer.entities.map((e) => [e.id, e.count]))).toEqual({
    unodc: 1, // the one in the textarea is not prose
    ilo: 1,
    icat: 2, // full name and acronym
    'tip-protocol': 1,
    'trafficking-in-persons': 1, // the headline; the one inside ICAT's name belongs to that longer match
    'un-women': 1,
    iom: 1,
    unicef: 1,
  });
  // The page's own script ran and its DOM is untouched.
  expect(await page.evaluate(() => (window as unknown as { pageScriptRan: boolean }).pageScriptRan)).toBe(true);
  expect(await page.content()).toBe(before);
  // A web page has no way to message the extension.
  expect(await page.evaluate(() => typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe(
    'undefined',
  );
});

test('foreign and malformed messages get an error, and the background keeps working', async ({ userDataDir }) => {
  const context = await launchWithExtension([BUILT_EXTENSION, resolve('tests/e2e/foreign-extension')], userDataDir);
  try {
    const ours = await serviceWorkerOf(context);
    const foreign = await findWorker(context.serviceWorkers(), (url) => !url.includes(CHROME_EXTENSION_ID), context);
    const refused = await foreign.evaluate((id) => chrome.runtime.sendMessage(id, { type: 'get-status' }), CHROME_EXTENSION_ID);
    expect(refused).toMatchObject({ ok: false, error: { code: 'foreign-sender' } });

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html`);
    const malformed = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-entity', id: { $gt: '' } }));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    const unknown = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'drop-tables' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    const fine = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-status' }));
    expect(fine).toMatchObject({ ok: true, data: { storage: { mode: 'indexeddb' } } });
    expect(ours.url()).toContain(CHROME_EXTENSION_ID);
  } finally {
    await context.close();
  }
});

test('an update to a newer dataset version reseeds the library and keeps bookmarks', async ({ userDataDir }) => {
  // Launch from a copy of the build so the dataset can be replaced between two runs of the same profile,
  // as an extension update would.
  const extensionDir = mkdtempSync(join(tmpdir(), 'icat-lens-build-'));
  cpSync(BUILT_EXTENSION, extensionDir, { recursive: true });
  try {
    let context = await launchWithExtension(extensionDir, userDataDir);
    let popup = await context.newPage();
    await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html`);
    const saved = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'save-bookmark', itemId: 'icat-policy-paper-2-demand', note: 'For the supply-chain story', tags: ['demand'] }),
    );
    expect(saved).toMatchObject({ ok: true, data: { itemId: 'icat-policy-paper-2-demand' } });
    await context.close();

    const next = structuredClone(bundled);
    next.version = '2099.1.1';
    next.publications.push({
      ...next.publications.find((p: { id: string }) => p.id === 'icat-policy-paper-2-demand'),
      id: 'icat-test-added-paper',
      title: 'A paper only the newer dataset has',
      forms: [],
    });
    writeFileSync(join(extensionDir, 'data/icat-library.json'), JSON.stringify(next));

    context = await launchWithExtension(extensionDir, userDataDir);
    popup = await context.newPage();
    await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html`);
    const status = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-status' }));
    expect(status).toMatchObject({ ok: true, data: { dataset: { version: '2099.1.1' }, bookmarks: { available: true, count: 1 } } });
    expect(status.data.counts.publications).toBe(bundled.publications.length + 1);
    const bookmarks = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'list-bookmarks' }));
    expect(bookmarks.data).toEqual([
      expect.objectContaining({ itemId: 'icat-policy-paper-2-demand', note: 'For the supply-chain story', tags: ['demand'] }),
    ]);
    const found = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'search', query: 'A paper only the newer dataset has' }));
    expect(found.data[0]).toMatchObject({ id: 'icat-test-added-paper' });
    await context.close();
  } finally {
    rmSync(extensionDir, { recursive: true, force: true });
  }
});

async function findWorker(
  workers: Worker[],
  predicate: (url: string) => boolean,
  context: { waitForEvent: (e: 'serviceworker', o: { predicate: (w: Worker) => boolean }) => Promise<Worker> },
): Promise<Worker> {
  return workers.find((w) => predicate(w.url())) ?? context.waitForEvent('serviceworker', { predicate: (w) => predicate(w.url()) });
}
