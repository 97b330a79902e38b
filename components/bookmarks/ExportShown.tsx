import { useState } from 'preact/hooks';
import { downloadFile } from '@/components/download-file';
import type { ExportFormat } from '@/lib/export/file-names';
import { t, type MessageKey } from '@/lib/i18n/t';
import { askBackground } from '@/lib/messaging/background-client';

const FORMATS: { format: ExportFormat; label: MessageKey }[] = [
  { format: 'ris', label: 'dataExportRis' },
  { format: 'bibtex', label: 'dataExportBibtex' },
  { format: 'csl-json', label: 'dataExportCsl' },
  { format: 'backup', label: 'dataExportBackup' },
];

/** Exports the bookmarks the list shows (after its filters) in the chosen format. */
export function ExportShown({ itemIds }: { itemIds: readonly string[] }) {
  const [format, setFormat] = useState<ExportFormat>('ris');
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      downloadFile(await askBackground({ type: 'export-bookmarks', format, itemIds: [...itemIds] }));
    } catch (failure) {
      setError(t('dataExportFailed', failure instanceof Error ? failure.message : String(failure)));
    }
  };
  return (
    <div class="bm-export">
      <label>
        {t('bookmarksExportFormat')}{' '}
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.format} value={f.format}>
              {t(f.label)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="button" onClick={() => void run()}>
        {t('bookmarksExportShown', String(itemIds.length))}
      </button>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
