import type { PageEntitiesResponse } from '@/lib/messaging/protocol';
import { pluralKey, t, uiLanguage } from '@/lib/i18n/t';
import { kindLabel } from './kind-labels';
import type { AsyncState } from './use-async';

export function OnThisPage({ page, onReveal }: { page: AsyncState<PageEntitiesResponse | null>; onReveal?(entityId: string): void }) {
  return (
    <section class="panel" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading">{t('onPageHeading')}</h2>
      {page.state === 'loading' && <p class="muted">{t('onPageAsking')}</p>}
      {page.state === 'error' && <p class="notice">{page.message}</p>}
      {page.state === 'ready' && page.value === null && (
        <p class="muted" data-testid="page-unavailable">
          {t('onPageUnavailable')}
        </p>
      )}
      {page.state === 'ready' && page.value !== null && page.value.disabled && (
        <p class="muted" data-testid="page-disabled">
          {t('onPageDisabled')}
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
        {page.status === 'scanning' ? `${t('onPageScanning')} ` : ''}
        {t('onPageStats', [number(page.stats.textNodes), number(page.stats.chars), number(page.stats.scanMs)])}
      </p>
      {page.entities.length === 0 ? (
        <p class="muted">{t('onPageNone')}</p>
      ) : (
        <ul class="results" aria-label={t('onPageFound')}>
          {page.entities.map((entity) => (
            <li key={entity.id} class="result clickable">
              <button
                type="button"
                class="result-button"
                aria-label={t(pluralKey('onPageEntityAria', entity.count), [entity.name, number(entity.count)])}
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

const number = (n: number) => n.toLocaleString(uiLanguage());
