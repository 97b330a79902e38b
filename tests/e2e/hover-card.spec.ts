import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { centerInOurUi, expect, inOurShadowRoot, pageEntitiesOf, test } from './fixtures';

const cardInfo = (page: Page) =>
  inOurShadowRoot<{ title: string; saveLabels: string[]; rect: { x: number; y: number; w: number; h: number } } | null>(
    page,
    `function () {
      const card = this.querySelector('.icat-card');
      if (!card) return null;
      const r = card.getBoundingClientRect();
      return {
        title: card.querySelector('.icat-title')?.textContent ?? '',
        saveLabels: [...card.querySelectorAll('.icat-save')].map((b) => b.getAttribute('aria-label') + ' | ' + b.getAttribute('aria-pressed')),
        rect: { x: r.x, y: r.y, w: r.width, h: r.height },
      };
    }`,
  );

async function mentionCenter(page: Page, text: string) {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(t);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + t.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    throw new Error(`no text ${t}`);
  }, text);
}

/** axe cannot enter a closed shadow root: copy the rendered element and our styles into an open one. */
async function axeViolations(page: Page, selector: string) {
  const rendered = await inOurShadowRoot<{ html: string; css: string }>(
    page,
    `function (selector) { return { html: this.querySelector(selector).outerHTML, css: this.querySelector('style').textContent }; }`,
    selector,
  );
  await page.addScriptTag({ content: readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async ({ html, css }) => {
    const host = document.createElement('div');
    host.style.cssText = 'position: fixed; inset: 0; background: white; z-index: 2147483647';
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${css}</style>${html}`;
    document.body.append(host);
    const axe = (window as unknown as { axe: { run(c: Element, o: object): Promise<{ violations: { id: string; help: string; nodes: { html: string }[] }[] }> } }).axe;
    const result = await axe.run(host, { resultTypes: ['violations'] });
    host.remove();
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 120)) }));
  }, rendered!);
}

async function openArticle(page: Page, origin: string, serviceWorker: Parameters<typeof pageEntitiesOf>[0], path = '/card/long-article.html') {
  await page.goto(`${origin}${path}`);
  await expect.poll(async () => (await pageEntitiesOf(serviceWorker, page)).status, { timeout: 10_000 }).toBe('idle');
}

test('resting on a mention shows its card after the intended delay, not before', async ({ context, serviceWorker, pages }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker);
  const target = await mentionCenter(page, 'UNODC');
  await page.mouse.move(target.x - 30, target.y);
  const start = Date.now();
  await page.mouse.move(target.x, target.y, { steps: 3 });
  await page.waitForTimeout(250);
  expect(await cardInfo(page)).toBeNull(); // too early: 500 ms must pass
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  expect(Date.now() - start).toBeGreaterThanOrEqual(450);
  // It sits next to the mention and inside the viewport.
  const card = (await cardInfo(page))!;
  const viewport = page.viewportSize()!;
  expect(card.rect.y).toBeGreaterThan(target.y);
  expect(card.rect.x + card.rect.w).toBeLessThanOrEqual(viewport.width);
});

test('sweeping across mentions shows nothing; moving onto the card keeps it; Esc closes it', async ({ context, serviceWorker, pages }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker);
  const a = await mentionCenter(page, 'UNODC');
  const b = await mentionCenter(page, 'forced labour');
  await page.mouse.move(a.x, a.y);
  await page.mouse.move(b.x, b.y, { steps: 4 }); // quick pass across, ending on another mention
  await page.mouse.move(b.x + 200, b.y + 120, { steps: 2 }); // and away
  await page.waitForTimeout(900);
  expect(await cardInfo(page)).toBeNull();

  await page.mouse.move(a.x, a.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  const title = await centerInOurUi(page, '.icat-title');
  await page.mouse.move(title!.x, title!.y, { steps: 5 }); // across the gap onto the card
  await page.waitForTimeout(800);
  expect((await cardInfo(page))?.title).toBe('United Nations Office on Drugs and Crime');

  await page.keyboard.press('Escape');
  await expect.poll(() => cardInfo(page)).toBeNull();
});

test('the keyboard list opens, moves with arrows, and Enter opens the card of the chosen mention in view', async ({ context, serviceWorker, pages }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker);
  const manifest = JSON.parse(readFileSync(resolve(process.env.ICAT_LENS_OUT_DIR ?? '.output', 'chrome-mv3/manifest.json'), 'utf8'));
  expect(manifest.commands['open-mentions-list'].suggested_key.default).toBe('Alt+Shift+L');
  // What the shortcut does: the background asks the active tab's top frame to open the list.
  const opened = await serviceWorker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const answers = await Promise.all(tabs.map((t) => chrome.tabs.sendMessage(t.id!, { type: 'open-mentions-list' }).catch(() => null)));
    return answers.filter(Boolean);
  });
  expect(opened).toEqual([{ opened: true }]);
  const names = await inOurShadowRoot<string[]>(page, `function () { return [...this.querySelectorAll('[role=option]')].map((o) => o.textContent); }`);
  expect(names!.length).toBeGreaterThanOrEqual(8);
  expect(names![0]).toContain('Trafficking in persons');
  const focused = await inOurShadowRoot<string>(page, `function () { return this.activeElement?.getAttribute('role') ?? ''; }`);
  expect(focused).toBe('listbox');

  await page.keyboard.press('End'); // the last mention: far down the page
  await page.keyboard.press('Enter');
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toMatch(/United Nations Entity for Gender Equality|UN Women/);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(800);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardInfo(page)).toBeNull();
});

test('saving a paper from the card stores a bookmark and the card shows it saved', async ({ context, serviceWorker, pages, extensionId }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker);
  const target = await mentionCenter(page, 'Demand paper');
  await page.mouse.move(target.x, target.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('Preventing trafficking in persons by addressing demand');
  const save = await centerInOurUi(page, '.icat-save');
  await page.mouse.move(save!.x, save!.y, { steps: 4 });
  await page.mouse.click(save!.x, save!.y);
  await expect.poll(async () => (await cardInfo(page))?.saveLabels[0]).toMatch(/^Saved: .* \| true$/);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const bookmarks = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'list-bookmarks' }));
  expect(bookmarks.data).toEqual([
    expect.objectContaining({
      itemId: 'icat-policy-paper-2-demand',
      foundAt: expect.objectContaining({ url: `${pages.origin}/card/long-article.html`, quote: expect.stringContaining('Demand paper') }),
    }),
  ]);
});

test('a hostile page neither hides the card nor drives it', async ({ context, serviceWorker, pages, extensionId }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker, '/card/hostile.html');
  const target = await mentionCenter(page, 'UNODC');
  await page.mouse.move(target.x, target.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  // The card is the topmost thing where it is drawn, despite z-index 2147483647 on every page element.
  const card = (await cardInfo(page))!;
  const topmost = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.localName,
    { x: card.rect.x + card.rect.w / 2, y: card.rect.y + 20 },
  );
  expect(topmost).toBe('icat-lens-ui');
  expect(card.rect.w).toBeGreaterThan(200);
  expect(card.rect.w).toBeLessThan(420); // the page's zoom and font sizes did not reach in
  await page.waitForTimeout(500); // the page pokes at our UI every 50 ms
  const checks = await page.evaluate(() => (window as unknown as { pageChecks: { attempts: number; reachedShadow: boolean } }).pageChecks);
  expect(checks.attempts).toBeGreaterThan(3);
  expect(checks.reachedShadow).toBe(false);
  // Synthetic Escape and clicks changed nothing: the card is still open and nothing was saved or disabled.
  expect((await cardInfo(page))?.title).toBe('United Nations Office on Drugs and Crime');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  expect((await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'list-bookmarks' }))).data).toEqual([]);
  const stored = await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('disabledSites'));
  expect(stored.disabledSites ?? []).toEqual([]);
});

test('the card and the list pass axe-core, in light and dark themes (screenshots attached)', async ({ context, serviceWorker, pages }, testInfo) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });
  await openArticle(page, pages.origin, serviceWorker);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const target = await mentionCenter(page, 'UNODC');
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
    await page.waitForTimeout(200); // let the fade-in finish before the picture
    const shot = testInfo.outputPath(`card-${colorScheme}.png`);
    await page.screenshot({ path: shot });
    await testInfo.attach(`card-${colorScheme}`, { path: shot, contentType: 'image/png' });
    expect(await axeViolations(page, '.icat-card')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
  }
  await serviceWorker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    await Promise.all(tabs.map((t) => chrome.tabs.sendMessage(t.id!, { type: 'open-mentions-list' }).catch(() => null)));
  });
  await expect.poll(() => inOurShadowRoot<number>(page, `function () { return this.querySelectorAll('[role=option]').length; }`)).toBeGreaterThan(0);
  await page.waitForTimeout(250); // past the fade-in
  const shot = testInfo.outputPath('mentions-list-dark.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('mentions-list-dark', { path: shot, contentType: 'image/png' });
  expect(await axeViolations(page, '[role=listbox]')).toEqual([]);
});

test('"Disable on this site" switches the site off at once and for good; options turn it back on', async ({ context, serviceWorker, pages, extensionId }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker);
  const target = await mentionCenter(page, 'UNODC');
  await page.mouse.move(target.x, target.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  const disable = await inOurShadowRoot<{ x: number; y: number }>(
    page,
    `function () {
      const button = [...this.querySelectorAll('button')].find((b) => /^Disable on/.test(b.textContent));
      const r = button.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
  );
  await page.mouse.move(disable!.x, disable!.y, { steps: 4 });
  await page.mouse.click(disable!.x, disable!.y);
  const highlightCount = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.values()].reduce((n, h) => n + h.size, 0));
  await expect.poll(highlightCount).toBe(0);
  expect((await pageEntitiesOf(serviceWorker, page)).entities).toEqual([]);

  await page.reload(); // remembered
  await page.waitForTimeout(800);
  expect(await highlightCount()).toBe(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Turn ICAT Lens back on for 127.0.0.1' }).click();
  await expect.poll(highlightCount, { timeout: 5_000 }).toBeGreaterThan(0);
});

test('the theme chosen in the options applies to the card', async ({ context, serviceWorker, pages, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Dark').check();
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker);
  const target = await mentionCenter(page, 'UNODC');
  await page.mouse.move(target.x, target.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  expect(await inOurShadowRoot<string>(page, `function () { return this.querySelector('.icat-card').dataset.theme ?? ''; }`)).toBe('dark');
});

test('right-to-left text: the card opens by the mention, inside the viewport; in fullscreen it is shown in the top layer', async ({ context, serviceWorker, pages }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker, '/card/rtl-fullscreen.html');
  const target = await mentionCenter(page, 'UNODC');
  await page.mouse.move(target.x, target.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  const viewport = page.viewportSize()!;
  const card = (await cardInfo(page))!;
  expect(card.rect.x).toBeGreaterThanOrEqual(0);
  expect(card.rect.x + card.rect.w).toBeLessThanOrEqual(viewport.width);
  expect(card.rect.y).toBeGreaterThan(target.y);
  await page.keyboard.press('Escape');

  // In fullscreen only the fullscreen element and the top layer are drawn: the card must be in the top layer.
  await page.click('#full');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('stage');
  const inFull = await mentionCenter(page, 'UNODC');
  await page.mouse.move(inFull.x + 40, inFull.y + 40);
  await page.mouse.move(inFull.x, inFull.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  expect(await page.evaluate(() => document.querySelector('icat-lens-ui')!.matches(':popover-open'))).toBe(true);
});

// Known bug: in fullscreen the card is drawn above the fullscreen element (top layer) but Chromium sends the
// pointer to the fullscreen element, so the card cannot be clicked there yet.
test.fixme('in fullscreen the card can be operated with the pointer', async ({ context, serviceWorker, pages }) => {
  const page = await context.newPage();
  await openArticle(page, pages.origin, serviceWorker, '/card/rtl-fullscreen.html');
  await page.click('#full');
  const inFull = await mentionCenter(page, 'UNODC');
  await page.mouse.move(inFull.x, inFull.y, { steps: 2 });
  await expect.poll(() => cardInfo(page).then((c) => c?.title), { timeout: 3_000 }).toBe('United Nations Office on Drugs and Crime');
  const save = (await centerInOurUi(page, '.icat-save'))!;
  await page.mouse.move(save.x, save.y, { steps: 3 });
  await page.mouse.click(save.x, save.y);
  await expect.poll(async () => (await cardInfo(page))?.saveLabels[0]).toMatch(/^Saved: .* \| true$/);
});
