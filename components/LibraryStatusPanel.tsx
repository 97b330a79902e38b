import type { LibraryStatus } from '@/lib/library/open-library';
import type { ReferenceTable } from '@/lib/db/records';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/t';

const TABLE_LABELS: Record<ReferenceTable, MessageKey> = {
  publications: 'tablePublications',
  events: 'labelEvents',
  agencies: 'labelAgencies',
  people: 'labelPeople',
  terms: 'labelTermsAndInstruments',
  contextRules: 'tableContextRules',
  ambiguities: 'tableAmbiguities',
};

/** Which tables a reader cares about, in the order they care. */
const SHOWN_TABLES: ReferenceTable[] = ['publications', 'events', 'agencies', 'people', 'terms'];

export function LibraryStatusPanel({ status, detailed = false }: { status: LibraryStatus; detailed?: boolean }) {
  const tables = detailed ? (Object.keys(TABLE_LABELS) as ReferenceTable[]) : SHOWN_TABLES;
  const { version, seededAt } = status.dataset;
  return (
    <section class="panel" aria-labelledby="library-status-heading">
      <h2 id="library-status-heading">{t('statusHeading')}</h2>
      <StorageLine status={status} />
      <dl class="counts">
        {tables.map((table) => (
          <div key={table} class="count" data-table={table}>
            <dt>{t(TABLE_LABELS[table])}</dt>
            <dd>{status.counts[table]}</dd>
          </div>
        ))}
        <div class="count" data-table="bookmarks">
          <dt>{t('statusBookmarks')}</dt>
          <dd>{status.bookmarks.available ? status.bookmarks.count : '—'}</dd>
        </div>
      </dl>
      <p class="muted" data-testid="dataset-version">
        {detailed && seededAt !== null
          ? t('datasetVersionLoaded', [version, new Date(seededAt).toLocaleString(uiLanguage())])
          : t('datasetVersion', version)}
      </p>
      {!status.bookmarks.available && (
        <p class="notice" role="status">
          {status.bookmarks.reason}
        </p>
      )}
    </section>
  );
}

function StorageLine({ status }: { status: LibraryStatus }) {
  if (status.storage.mode === 'indexeddb') {
    return (
      <p class="storage ok" data-testid="storage-state">
        {t('storageIndexedDb')}
      </p>
    );
  }
  return (
    <p class="storage warn" data-testid="storage-state" role="status">
      {t('storageReadOnly', status.storage.reason)}
    </p>
  );
}
