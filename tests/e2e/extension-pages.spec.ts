import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, pageEntitiesOf, test } from './fixtures';

async function axe(page: Page) {
  // Extension pages forbid inline scripts (CSP script-src 'self'): evaluate axe through the debugger instead.
  await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const result = await run.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(' | ')}`);
  });
}

const PAGES = [
  ['popup', 'popup.html', 'Search the library'],
  ['options', 'options.html', 'Appearance'],
  ['library home', 'library.html#/', 'The ICAT library'],
  ['library paper', 'library.html#/publication/icat-policy-paper-2-demand', 'Preventing trafficking in persons by addressing demand'],
  ['library agency', 'library.html#/agency/ilo', 'International Labour Organization'],
  ['library timeline', 'library.html#/timeline', 'ICAT timeline'],
] as const;

for (const [name, path, text] of PAGES) {
  test(`${name}: renders real data, passes axe-core in light and dark (screenshots attached)`, async ({ context, extensionId }, testInfo) => {
    const page = await context.newPage();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await expect(page.getByText(text).first()).toBeVisible();
      await page.waitForTimeout(300);
      const shot = testInfo.outputPath(`${name.replace(/\s/g, '-')}-${colorScheme}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await testInfo.attach(`${name}-${colorScheme}`, { path: shot, contentType: 'image/png' });
      expect(await axe(page)).toEqual([]);
    }
  });
}

test('the timeline filters by agency', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html#/timeline`);
  const status = page.getByText(/^All \d+ records$/);
  await expect(status).toBeVisible();
  await page.getByLabel(/Agency/).selectOption('ilo');
  await expect(page.getByText(/^Showing \d+ of \d+ records$/)).toBeVisible();
});

test('options choose what is highlighted and how', async ({ context, extensionId, serviceWorker, pages }) => {
  const page = await context.newPage();
  await page.goto(`${pages.origin}/card/long-article.html`);
  await expect.poll(async () => (await pageEntitiesOf(serviceWorker, page)).status, { timeout: 10_000 }).toBe('idle');
  const names = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].sort());
  expect(await names()).toContain('icat-lens-agency');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Agencies').uncheck();
  await options.getByLabel('Underline only').check();
  await expect.poll(names).not.toContain('icat-lens-agency');
  expect(await names()).toContain('icat-lens-term--underline');
  expect((await names()).some((n) => n.startsWith('icat-lens-agency'))).toBe(false);
  // Agencies are still counted on the page, only not painted.
  expect((await pageEntitiesOf(serviceWorker, page)).entities.map((e) => e.id)).toContain('unodc');
});

test('the library page shows every kind of record with its sources', async ({ context, extensionId }) => {
  const page = await context.newPage();
  for (const [path, heading] of [
    ['event/2012-10-vienna-legal-frameworks-launch', /Side event/],
    ['term/trafficking-in-persons', /Trafficking in persons/i],
    ['person/martin-fowke', /Martin Fowke/],
    ['instrument/tip-protocol', /Trafficking in Persons Protocol/],
  ] as const) {
    await page.goto(`chrome-extension://${extensionId}/library.html#/${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    const sources = page.locator('a[href^="http"]');
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().getAttribute('rel')).toContain('noopener');
  }
});
