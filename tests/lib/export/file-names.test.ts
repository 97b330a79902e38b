import { describe, expect, it } from 'vitest';
import { EXPORT_FILE_TYPES, exportFileName, localDateStamp } from '@/lib/export/file-names';

describe('export file names', () => {
  const day = new Date(2026, 10, 30, 23, 59, 30); // local time: 30 November 2026, one minute to midnight

  it('names each format with the local date', () => {
    expect(exportFileName('ris', day)).toBe('icat-lens-bookmarks-2026-11-30.ris');
    expect(exportFileName('bibtex', day)).toBe('icat-lens-bookmarks-2026-11-30.bib');
    expect(exportFileName('csl-json', day)).toBe('icat-lens-bookmarks-2026-11-30.csl.json');
    expect(exportFileName('backup', day)).toBe('icat-lens-backup-2026-11-30.json');
  });

  it('pads months and days', () => {
    expect(localDateStamp(new Date(2027, 0, 5))).toBe('2027-01-05');
  });

  it('gives each format a MIME type for the download', () => {
    expect(EXPORT_FILE_TYPES.ris.mimeType).toBe('application/x-research-info-systems');
    expect(EXPORT_FILE_TYPES.bibtex.mimeType).toBe('application/x-bibtex');
    expect(EXPORT_FILE_TYPES['csl-json'].mimeType).toBe('application/vnd.citationstyles.csl+json');
    expect(EXPORT_FILE_TYPES.backup.mimeType).toBe('application/json');
  });

  it('uses only characters safe in every file system', () => {
    for (const format of Object.keys(EXPORT_FILE_TYPES) as (keyof typeof EXPORT_FILE_TYPES)[]) {
      expect(exportFileName(format, day)).toMatch(/^[a-z0-9.-]+$/);
    }
  });
});
