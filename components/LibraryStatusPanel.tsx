import type { LibraryStatus } from '@/lib/library/open-library';
import type { ReferenceTable } from '@/lib/db/records';

const TABLE_LABELS: Record<ReferenceTable, string> = {
  publications: 'Papers and briefs',
  events: 'Events',
  agencies: 'Agencies',
  people: 'People',
  terms: 'Terms and instruments',
  contextRules: 'Context rules',
  ambiguities: 'Known ambiguities',
};

/** Which tables a reader cares about, in the order they care. */
const SHOWN_TABLES: ReferenceTable[] = ['publications', 'events', 'agencies', 'people', 'terms'];

export function LibraryStatusPanel({ status, detailed = false }: { status: LibraryStatus; detailed?: boolean }) {
  const tables = detailed ? (Object.keys(TABLE_LABELS) as ReferenceTable[]) : SHOWN_TABLES;
  return (
    <section class="panel" aria-labelledby="library-status-heading">
      <h2 id="library-status-heading">Library</h2>
      <StorageLine status={status} />
      <dl class="counts">
        {tables.map((table) => (
          <div key={table} class="count" data-table={table}>
            <dt>{TABLE_LABELS[table]}</dt>
            <dd>{status.counts[table]}</dd>
          </div>
        ))}
        <div class="count" data-table="bookmarks">
          <dt>Bookmarks</dt>
          <dd>{status.bookmarks.available ? status.bookmarks.count : '—'}</dd>
        </div>
      </dl>
      <p class="muted" data-testid="dataset-version">
        Dataset {status.dataset.version}
        {detailed && status.dataset.seededAt !== null && <> · loaded {new Date(status.dataset.seededAt).toLocaleString()}</>}
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
        Stored on this device (IndexedDB)
      </p>
    );
  }
  return (
    <p class="storage warn" data-testid="storage-state" role="status">
      Read-only library: {status.storage.reason}. Search and cards work; bookmarks cannot be saved.
    </p>
  );
}
