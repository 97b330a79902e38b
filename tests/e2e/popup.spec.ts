import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { CHROME_EXTENSION_ID } from '../../lib/config/extension-key';
import { BUILT_EXTENSION, expect, launchWithExtension, pageEntitiesOf, serviceWorkerOf, startPageServer, test } from './fixtures';

/** The id of the tab showing `page` (it must be the active one when asked). */
async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
}

const highlightCount = (page: Page) =>
  page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.values()].reduce((n, h) => n + h.size, 0));

test('"On this page" lists what the tab mentions and shows the first mention when chosen', async ({ context, serviceWorker, pages }) => {
  const page = await context.newPage();
  await page.goto(`${pages.origin}/card/long-article.html`);
  await expect.poll(async () => (await pageEntitiesOf(serviceWorker, page)).status, { timeout: 10_000 }).toBe('idle');
  const tabId = await tabIdOf(serviceWorker, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html?tab=${tabId}`);
  const unicef = popup.getByRole('button', { name: /United Nations Children's Fund \(UNICEF\): 1 mention\b/ });
  await expect(unicef).toBeVisible();
  await expect(popup.getByRole('switch', { name: 'ICAT Lens on 127.0.0.1' })).toHaveAttribute('aria-checked', 'true');
  await unicef.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
  expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('icat-lens-emphasis')?.size)).toBe(1);
});

test('the site switch stops highlighting on that site, after reload and across a browser restart', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'icat-lens-profile-'));
  const server = await startPageServer();
  const url = `${server.origin}/card/long-article.html`;
  try {
    let context = await launchWithExtension(BUILT_EXTENSION, profile);
    let worker = await serviceWorkerOf(context);
    let page = await context.newPage();
    await page.goto(url);
    await expect.poll(() => highlightCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
    const tabId = await tabIdOf(worker, page);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html?tab=${tabId}`);
    const siteSwitch = popup.getByRole('switch', { name: 'ICAT Lens on 127.0.0.1' });
    await siteSwitch.click();
    await expect(siteSwitch).toHaveAttribute('aria-checked', 'false');
    await expect.poll(() => highlightCount(page)).toBe(0);
    await page.reload();
    await page.waitForTimeout(800);
    expect(await highlightCount(page)).toBe(0);
    await context.close();

    context = await launchWithExtension(BUILT_EXTENSION, profile);
    worker = await serviceWorkerOf(context);
    page = await context.newPage();
    await page.goto(url);
    await expect.poll(async () => (await pageEntitiesOf(worker, page)).disabled, { timeout: 10_000 }).toBe(true);
    expect(await highlightCount(page)).toBe(0);
    // The global switch, then the site switch back on: highlights return without a reload.
    const popup2 = await context.newPage();
    await popup2.goto(`chrome-extension://${CHROME_EXTENSION_ID}/popup.html?tab=${await tabIdOf(worker, page)}`);
    await popup2.getByRole('switch', { name: 'ICAT Lens on 127.0.0.1' }).click();
    await expect.poll(() => highlightCount(page), { timeout: 5_000 }).toBeGreaterThan(0);
    await popup2.getByRole('switch', { name: 'ICAT Lens everywhere' }).click();
    await expect.poll(() => highlightCount(page)).toBe(0);
    await context.close();
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('searching by keyboard in the popup opens the chosen record in the library page', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const box = popup.getByRole('combobox');
  await box.focus();
  await popup.keyboard.type('palermo');
  await expect(popup.getByRole('option').first()).toContainText('Trafficking in Persons Protocol');
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowUp');
  const opened = context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const library = await opened;
  await expect(library).toHaveURL(/library\.html#\/instrument\/tip-protocol$/);
  await expect(library.getByRole('heading', { level: 1 })).toContainText('Trafficking in Persons Protocol');
});

test('the popup stars a search result and it appears under Saved at once', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('combobox').fill('addressing demand');
  await popup.getByRole('button', { name: /^Save: Preventing trafficking in persons by addressing demand/ }).click();
  await expect(popup.getByRole('button', { name: /^Saved: Preventing trafficking/ })).toHaveAttribute('aria-pressed', 'true');
  // The Saved panel follows the database live (liveQuery), with no reload.
  await expect(popup.locator('section', { hasText: /^Saved/ }).getByText('Preventing trafficking in persons by addressing demand')).toBeVisible();
});
