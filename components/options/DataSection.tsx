/**
 * Export, import and storage in the options page. Files are built by the background (which owns the
 * database) and downloaded here; an import is previewed before anything changes, then applied by the
 * background in one transaction.
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadFile } from '@/components/download-file';
import { IMPORT_MAX_CHARS } from '@/lib/constants';
import type { ExportFormat } from '@/lib/export/file-names';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { ImportPreview } from '@/lib/library/backup-service';
import { askBackground } from '@/lib/messaging/background-client';

const FORMATS: { format: ExportFormat; label: MessageKey }[] = [
  { format: 'backup', label: 'dataExportBackup' },
  { format: 'csl-json', label: 'dataExportCsl' },
  { format: 'ris', label: 'dataExportRis' },
  { format: 'bibtex', label: 'dataExportBibtex' },
];

type ImportState =
  | { step: 'idle' }
  | { step: 'preview'; text: string; preview: Extract<ImportPreview, { ok: true }> }
  | { step: 'done'; message: string }
  | { step: 'error'; message: string };

export function DataSection() {
  const [exportError, setExportError] = useState<string | null>(null);
  const [importing, setImporting] = useState<ImportState>({ step: 'idle' });

  const download = async (format: ExportFormat) => {
    setExportError(null);
    try {
      downloadFile(await askBackground({ type: 'export-bookmarks', format }));
    } catch (error) {
      setExportError(t('dataExportFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > IMPORT_MAX_CHARS) {
      setImporting({ step: 'error', message: t('dataImportTooLarge', (file.size / 1e6).toFixed(1)) });
      return;
    }
    const text = await file.text();
    try {
      const preview = await askBackground({ type: 'preview-import', text });
      setImporting(preview.ok ? { step: 'preview', text, preview } : { step: 'error', message: t('dataImportFailed', preview.error) });
    } catch (error) {
      setImporting({ step: 'error', message: t('dataImportFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  const apply = async (text: string) => {
    try {
      const done = await askBackground({ type: 'apply-import', text });
      setImporting({ step: 'done', message: t('dataImportDone', [String(done.add), String(done.merge), String(done.unchanged)]) });
    } catch (error) {
      setImporting({ step: 'error', message: t('dataImportFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  return (
    <section class="panel" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <p>{t('dataExportIntro')}</p>
      <div class="button-row">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" class="button" onClick={() => void download(format)}>
            {t(label)}
          </button>
        ))}
      </div>
      {exportError && (
        <p class="notice" role="alert">
          {exportError}
        </p>
      )}
      <label class="file-choice">
        {t('dataImportLabel')}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            void choose(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <p class="muted">{t('dataImportNote')}</p>
      {importing.step === 'preview' && (
        <div class="import-preview" role="status">
          <p>
            {t('dataImportPreview', [String(importing.preview.add), String(importing.preview.merge), String(importing.preview.unchanged)])}
          </p>
          <div class="button-row">
            <button type="button" class="button primary" onClick={() => void apply(importing.text)}>
              {t('dataImportConfirm')}
            </button>
            <button type="button" class="button" onClick={() => setImporting({ step: 'idle' })}>
              {t('dataImportCancel')}
            </button>
          </div>
        </div>
      )}
      {importing.step === 'done' && <p role="status">{importing.message}</p>}
      {importing.step === 'error' && (
        <p class="notice" role="alert">
          {importing.message}
        </p>
      )}
      <StorageLine />
    </section>
  );
}

/** How much room the library takes, and a way to ask the browser not to evict it. */
function StorageLine() {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }));
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  const size = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);
  return (
    <>
      {estimate && <p class="muted">{t('dataStorageUsage', [size(estimate.usage), size(estimate.quota)])}</p>}
      {persisted === true && <p class="muted">{t('dataStoragePersisted')}</p>}
      {persisted === false && (
        <button type="button" class="button" onClick={() => void navigator.storage.persist().then(setPersisted)}>
          {t('dataStoragePersist')}
        </button>
      )}
    </>
  );
}
