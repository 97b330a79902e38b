import type { PageEntitiesResponse } from '@/lib/messaging/protocol';
import { kindLabel } from './kind-labels';
import type { AsyncState } from './use-async';

export function OnThisPage({ page, onReveal }: { page: AsyncState<PageEntitiesResponse | null>; onReveal?(entityId: string): void }) {
  return (
    <section class="panel" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading">On this page</h2>
      {page.state === 'loading' && <p class="muted">Asking the page…</p>}
      {page.state === 'error' && <p class="notice">{page.message}</p>}
      {page.state === 'ready' && page.value === null && (
        <p class="muted" data-testid="page-unavailable">
          ICAT Lens cannot read this page. Browser pages, extension stores and files are off-limits to extensions.
        </p>
      )}
      {page.state === 'ready' && page.value !== null && page.value.disabled && (
        <p class="muted" data-testid="page-disabled">
          ICAT Lens is switched off here.
        </p>
      )}
      {page.state === 'ready' && page.value !== null && !page.value.disabled && <PageSummary page={page.value} onReveal={onReveal} />}
    </section>
  );
}

function PageSummary({ page, onReveal }: { page: PageEntitiesResponse; onReveal?(entityId: string): void }) {
  return (
    <>
      <p class="muted" data-testid="page-stats">
        {page.status === 'scanning' ? 'Scanning… ' : ''}
        {page.stats.textNodes.toLocaleString()} text blocks, {page.stats.chars.toLocaleString()} characters read in{' '}
        {page.stats.scanMs} ms.
      </p>
      {page.entities.length === 0 ? (
        <p class="muted">No agencies or terms from the library were found here.</p>
      ) : (
        <ul class="results" aria-label="Found on this page">
          {page.entities.map((entity) => (
            <li key={entity.id} class="result clickable">
              <button
                type="button"
                class="result-button"
                aria-label={`${entity.name}: ${entity.count} mentions. Show the first on the page`}
                onClick={() => onReveal?.(entity.id)}
              >
                <span class="kind">{kindLabel(entity.kind)}</span>
                <span class="title">{entity.name}</span>
                <span class="count-badge" aria-hidden="true">
                  {entity.count}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
