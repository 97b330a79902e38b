import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDatabase } from '@/lib/db/database';
import { applyImport, exportFile, previewImport } from '@/lib/library/backup-service';
import { openLibrary, type Library } from '@/lib/library/open-library';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { miniDataset } from '../../fixtures/mini-dataset';

const names: string[] = [];
async function library(): Promise<Library> {
  const name = `backup-service-${names.length}`;
  names.push(name);
  return openLibrary({ readBundledDataset: async () => miniDataset(), openDatabase: () => new LibraryDatabase(name) });
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});
const preferences = { settings: { ...DEFAULT_SETTINGS, theme: 'dark' as const }, disabledSites: ['example.org'] };

describe('backup service', () => {
  it('exports every format from the database, a selection or everything', async () => {
    const lib = await library();
    await lib.bookmarks.save({ itemId: 'icat-policy-paper-2-demand', itemKind: 'publication', title: 'Preventing trafficking in persons by addressing demand', note: 'Read §3 & 4', tags: ['demand'] });
    await lib.bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'International Labour Organization' });
    const ris = await exportFile(lib, 'ris', preferences);
    expect(ris.fileName).toMatch(/^icat-lens-bookmarks-\d{4}-\d{2}-\d{2}\.ris$/);
    expect(ris.text).toContain('TY  - RPRT');
    expect(ris.text).toContain('TI  - Preventing trafficking in persons by addressing demand');
    const bib = await exportFile(lib, 'bibtex', preferences, ['icat-policy-paper-2-demand']);
    expect(bib.text.match(/^@/gm)).toHaveLength(1);
    expect(bib.text).toContain('\\&');
    const csl = JSON.parse((await exportFile(lib, 'csl-json', preferences)).text);
    expect(csl.map((i: { type: string }) => i.type).sort()).toEqual(['report', 'webpage']);
    const backup = JSON.parse((await exportFile(lib, 'backup', preferences)).text);
    expect(backup).toMatchObject({ format: 'icat-lens-backup', datasetVersion: '2026.11.30', disabledSites: ['example.org'], settings: { theme: 'dark' } });
    expect(backup.bookmarks).toHaveLength(2);
  });

  it('previews and applies an import in one transaction, merging instead of doubling', async () => {
    const source = await library();
    await source.bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'ILO', note: 'from the backup', tags: ['labour'] });
    await source.bookmarks.save({ itemId: 'unodc', itemKind: 'agency', title: 'UNODC' });
    const file = (await exportFile(source, 'backup', preferences)).text;

    const target = await library();
    await target.bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'ILO', note: 'mine', tags: ['work'] });
    expect(await previewImport(target, file)).toEqual({ ok: true, add: 1, merge: 1, unchanged: 0, restoresSettings: true, sites: 1 });
    const { preview, preferences: restored } = await applyImport(target, file);
    expect(preview).toMatchObject({ add: 1, merge: 1 });
    expect(restored).toEqual(preferences);
    const after = await target.bookmarks.list();
    expect(after).toHaveLength(2);
    const ilo = after.find((b) => b.itemId === 'ilo')!;
    expect(ilo.note).toContain('mine');
    expect(ilo.note).toContain('from the backup');
    expect(ilo.tags.sort()).toEqual(['labour', 'work']);
    // Importing the same file again changes nothing.
    expect(await previewImport(target, file)).toMatchObject({ ok: true, add: 0, merge: 0, unchanged: 2 });
  });

  it('refuses a bad file with its reason and changes nothing', async () => {
    const lib = await library();
    await lib.bookmarks.save({ itemId: 'ilo', itemKind: 'agency', title: 'ILO' });
    const bad = '{"format":"icat-lens-backup","version":1,"bookmarks":[';
    expect(await previewImport(lib, bad)).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    await expect(applyImport(lib, bad)).rejects.toMatchObject({ code: 'invalid-message' });
    expect((await lib.bookmarks.list()).map((b) => b.itemId)).toEqual(['ilo']);
  });
});
