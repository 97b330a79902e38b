import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { expect, pageEntitiesOf, test } from './fixtures';

const bundled = JSON.parse(readFileSync(resolve('assets/data/icat-library.json'), 'utf8'));
const NEW_ID = 'lens-pack-field-guide';

/** The bundled dataset with a new version and one more paper that pages can mention. */
function buildPack(version: string) {
  const pack = structuredClone(bundled);
  pack.version = version;
  pack.title = 'ICAT library with a test paper';
  pack.publications.push({
    id: NEW_ID,
    type: 'issue brief',
    title: 'Lens Pack Field Guide',
    titleVerified: true,
    description: 'A paper that only the test data pack has.',
    agencies: [],
    terms: [],
    forms: [{ text: 'Lens Pack Field Guide', lang: 'en', caseSensitive: false }],
    sources: ['https://icat.un.org/publications'],
  });
  return pack;
}

async function detectedOn(context: BrowserContext, serviceWorker: Worker, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(async () => (await pageEntitiesOf(serviceWorker, page)).status, { timeout: 10_000 }).toBe('idle');
  const ids = (await pageEntitiesOf(serviceWorker, page)).entities.map((e) => e.id);
  await page.close();
  return ids;
}

test('a data pack loaded from a file adds a paper to search and detection; rolling back removes it', async ({
  context,
  extensionId,
  serviceWorker,
  pages,
}, testInfo) => {
  const file = testInfo.outputPath('icat-test-pack.json');
  writeFileSync(file, JSON.stringify(buildPack('2099.01.01')));

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const ask = (message: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);
  const searchIds = async (query: string) => ((await ask({ type: 'search', query })).data as { id: string }[]).map((r) => r.id);
  await expect(options.getByTestId('pack-current')).toContainText(`Dataset ${bundled.version}, bundled with ICAT Lens.`);
  expect(await searchIds('Lens Pack Field Guide')).not.toContain(NEW_ID);

  // A broken pack: its problems are listed and nothing changes.
  const broken = testInfo.outputPath('broken-pack.json');
  writeFileSync(broken, JSON.stringify({ ...buildPack('latest'), agencies: 'nope' }));
  await options.getByLabel('Load a data pack from a file').setInputFiles(broken);
  await expect(options.getByRole('alert')).toContainText('This file is not a valid data pack; nothing was changed.');
  await expect(options.getByRole('alert')).toContainText('version: version is YYYY.MM.DD or YYYY.MM.DD-N');
  expect((await ask({ type: 'get-status' })).data.dataset.version).toBe(bundled.version);

  await options.getByLabel('Load a data pack from a file').setInputFiles(file);
  await expect(options.getByText('Loaded “ICAT library with a test paper”, version 2099.01.01.')).toBeVisible();
  await expect(options.getByTestId('pack-current')).toContainText('Dataset 2099.01.01, from the data pack file “icat-test-pack.json”.');
  await expect(options.getByTestId('dataset-version')).toContainText('2099.01.01');
  expect(await searchIds('Lens Pack Field Guide')).toContain(NEW_ID);
  expect(await detectedOn(context, serviceWorker, `${pages.origin}/data-pack.html`)).toContain(NEW_ID);

  await options.getByRole('button', { name: 'Return to the bundled library' }).click();
  await expect(options.getByText(`Back to the bundled library, version ${bundled.version}.`)).toBeVisible();
  await expect(options.getByTestId('pack-current')).toContainText(`Dataset ${bundled.version}, bundled with ICAT Lens.`);
  expect(await searchIds('Lens Pack Field Guide')).not.toContain(NEW_ID);
  expect(await detectedOn(context, serviceWorker, `${pages.origin}/data-pack.html`)).not.toContain(NEW_ID);
  expect((await ask({ type: 'get-entity', id: NEW_ID })).ok).toBe(false);
});

test('fetch-data-pack fetches a pack from a local web address and applies it', async ({ context, extensionId }) => {
  // The options page asks for the host permission in a browser prompt that tests cannot answer; this server
  // allows any origin (CORS) so the background can fetch it without that permission. The message is the same.
  const text = JSON.stringify(buildPack('2099.02.02'));
  const server = createServer((req, res) => {
    if (req.url !== '/pack.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(text);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pack.json`;
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const ask = (message: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);
    expect(await ask({ type: 'fetch-data-pack', url: 'http://example.org/pack.json' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await ask({ type: 'fetch-data-pack', url })).toMatchObject({
      ok: true,
      data: { ok: true, dataset: { version: '2099.02.02', source: { kind: 'pack', origin: url } } },
    });
    expect((await ask({ type: 'get-entity', id: NEW_ID })).ok).toBe(true);
    await options.reload();
    await expect(options.getByTestId('pack-current')).toContainText(`Dataset 2099.02.02, from the data pack at ${url}.`);
  } finally {
    await new Promise((done) => (server.close(done), server.closeAllConnections()));
  }
});
