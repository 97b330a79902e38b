import { t } from '@/lib/i18n/t';

/** The background could not answer: say what happened and offer a retry. */
export function LoadError({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <section class="state-panel" aria-labelledby="load-error-heading">
      <h1 id="load-error-heading">{t('loadErrorHeading')}</h1>
      <p class="notice" role="alert">
        {message}
      </p>
      <p>
        <button type="button" class="button" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      </p>
    </section>
  );
}
