import type { PageEntitiesResponse } from '@/lib/messaging/protocol';
import { kindLabel } from './kind-labels';
import type { AsyncState } from './use-async';

export function OnThisPage({ page }: { page: AsyncState<PageEntitiesResponse | null> }) {
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
      {page.state === 'ready' && page.value !== null && <PageSummary page={page.value} />}
    </section>
  );
}

function PageSummary({ page }: { page: PageEntitiesResponse }) {
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
            <li key={entity.id} class="result">
              <span class="kind">{kindLabel(entity.kind)}</span>
              <span class="title">{entity.name}</span>
              <span class="count-badge" aria-label={`${entity.count} mentions`}>
                {entity.count}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
