import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('bookmark, export a backup, remove, import it back: the bookmark returns; a bad file changes nothing', async ({ context, extensionId }, testInfo) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const ask = (message: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);
  await ask({ type: 'save-bookmark', itemId: 'icat-policy-paper-2-demand', note: 'Cite in chapter 3 — “demand” & supply', tags: ['demand', 'procurement'] });

  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Backup (JSON, everything)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^icat-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).bookmarks).toHaveLength(1);

  await ask({ type: 'remove-bookmark', itemId: 'icat-policy-paper-2-demand' });
  expect((await ask({ type: 'list-bookmarks' })).data).toEqual([]);

  await options.getByLabel('Restore a backup file').setInputFiles(file);
  await expect(options.getByText('In this file: new bookmarks 1 · merged with yours 0 · already here 0.')).toBeVisible();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByText('Imported: new bookmarks 1 · merged 0 · already here 0.')).toBeVisible();
  const restored = (await ask({ type: 'list-bookmarks' })).data;
  expect(restored).toEqual([
    expect.objectContaining({ itemId: 'icat-policy-paper-2-demand', note: 'Cite in chapter 3 — “demand” & supply', tags: ['demand', 'procurement'] }),
  ]);

  // A hostile file: refused with its reason, nothing imported.
  const hostile = testInfo.outputPath('hostile.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  data.bookmarks[0].foundAt = { url: 'javascript:alert(1)', title: 't', quote: 'q' };
  data.bookmarks[0].itemId = 'ilo';
  data.bookmarks[0].id = 'another-id';
  (await import('node:fs')).writeFileSync(hostile, JSON.stringify(data));
  await options.getByLabel('Restore a backup file').setInputFiles(hostile);
  await expect(options.getByRole('alert')).toContainText('Nothing was imported');
  expect((await ask({ type: 'list-bookmarks' })).data).toHaveLength(1);
});

test('the Saved list exports what it shows, in the chosen format', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const ask = (message: unknown) => popup.evaluate((m) => chrome.runtime.sendMessage(m), message);
  await ask({ type: 'save-bookmark', itemId: 'icat-policy-paper-2-demand', tags: ['demand'] });
  await ask({ type: 'save-bookmark', itemId: 'icat-policy-paper-1-legal-frameworks', tags: ['law'] });
  await popup.reload();
  const button = popup.getByRole('button', { name: 'Export these (2)' });
  await expect(button).toBeVisible();
  await popup.getByRole('button', { name: /^law/ }).click(); // the tag filter
  const downloading = popup.waitForEvent('download');
  await popup.getByRole('button', { name: 'Export these (1)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ris$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('TI  - The International Legal Frameworks concerning Trafficking in Persons');
  expect(text).not.toContain('addressing demand');
});
