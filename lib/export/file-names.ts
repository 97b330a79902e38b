/**
 * What a download is called and typed: icat-lens-bookmarks-2026-11-30.ris / .bib / .csl.json and
 * icat-lens-backup-2026-11-30.json. The date is the reader's local calendar day (the day they will look for
 * in their downloads folder), not UTC's.
 */

export type ExportFormat = 'ris' | 'bibtex' | 'csl-json' | 'backup';

export interface ExportFileType {
  /** Without the date and extension. */
  stem: string;
  extension: string;
  /** For the Blob and the download. */
  mimeType: string;
}

export const EXPORT_FILE_TYPES: Record<ExportFormat, ExportFileType> = {
  ris: { stem: 'icat-lens-bookmarks', extension: '.ris', mimeType: 'application/x-research-info-systems' },
  bibtex: { stem: 'icat-lens-bookmarks', extension: '.bib', mimeType: 'application/x-bibtex' },
  'csl-json': { stem: 'icat-lens-bookmarks', extension: '.csl.json', mimeType: 'application/vnd.citationstyles.csl+json' },
  backup: { stem: 'icat-lens-backup', extension: '.json', mimeType: 'application/json' },
};

/** YYYY-MM-DD of `date` in the local time zone. */
export function localDateStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function exportFileName(format: ExportFormat, date: Date = new Date()): string {
  const { stem, extension } = EXPORT_FILE_TYPES[format];
  return `${stem}-${localDateStamp(date)}${extension}`;
}
