/**
 * Data packs in the options page (docs/data-packs.md): which dataset the library holds and where it comes
 * from, loading a pack from a file or from a web address, and returning to the bundled library. The
 * background validates and applies the pack in one transaction; an invalid pack changes nothing and its
 * problems are listed here.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DATA_PACK_MAX_CHARS } from '@/lib/constants';
import { t } from '@/lib/i18n/t';
import { isAllowedPackUrl } from '@/lib/library/data-pack';
import type { LibraryDataset } from '@/lib/library/open-library';
import { askBackground } from '@/lib/messaging/background-client';
import type { DataPackOutcome } from '@/lib/messaging/protocol';

type PackState =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'done'; message: string; retiredIds: string[] }
  | { step: 'rejected'; errors: string[] }
  | { step: 'error'; message: string };

export function describeSource(source: LibraryDataset['source']): string {
  if (source.kind === 'bundled') return t('packSourceBundled');
  if (source.origin === 'file') return t('packSourceFile', source.name ?? '—');
  return t('packSourceUrl', source.origin);
}

export function DataPackSection({ dataset, onChanged }: { dataset: LibraryDataset | null; onChanged?: () => void }) {
  const [state, setState] = useState<PackState>({ step: 'idle' });
  const [url, setUrl] = useState('');
  const [current, setCurrent] = useState<LibraryDataset | null>(null);
  const shown = current ?? dataset;
  const busy = state.step === 'working';

  const settle = (outcome: DataPackOutcome, success: (d: LibraryDataset) => string) => {
    if (!outcome.ok) {
      setState({ step: 'rejected', errors: outcome.errors });
      return;
    }
    setCurrent(outcome.dataset);
    setState({ step: 'done', message: success(outcome.dataset), retiredIds: outcome.retiredIds });
    onChanged?.();
  };
  const run = async (ask: () => Promise<DataPackOutcome>, success: (d: LibraryDataset) => string) => {
    setState({ step: 'working' });
    try {
      settle(await ask(), success);
    } catch (error) {
      setState({ step: 'error', message: t('packFailed', error instanceof Error ? error.message : String(error)) });
    }
  };
  const applied = (d: LibraryDataset) => t('packApplied', [d.version, d.title]);

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > DATA_PACK_MAX_CHARS) {
      setState({ step: 'error', message: t('packTooLarge', (file.size / 1e6).toFixed(1)) });
      return;
    }
    const text = await file.text();
    await run(() => askBackground({ type: 'apply-data-pack', text, name: file.name.slice(0, 200) }), applied);
  };

  const fetchFromUrl = async (event: Event) => {
    event.preventDefault();
    const address = url.trim();
    if (!isAllowedPackUrl(address)) {
      setState({ step: 'error', message: t('packUrlInvalid') });
      return;
    }
    const origin = new URL(address).origin;
    // Asked from the click (a user gesture), for this one site only.
    let granted = false;
    try {
      granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    } catch {
      granted = false;
    }
    if (!granted) {
      setState({ step: 'error', message: t('packPermissionDenied', origin) });
      return;
    }
    await run(() => askBackground({ type: 'fetch-data-pack', url: address }), applied);
  };

  const rollback = () => run(() => askBackground({ type: 'rollback-dataset' }), (d) => t('packRolledBack', d.version));

  return (
    <section class="panel" aria-labelledby="pack-heading" aria-busy={busy}>
      <h2 id="pack-heading">{t('packHeading')}</h2>
      {shown && (
        <>
          <p data-testid="pack-current">{t('packCurrent', [shown.version, describeSource(shown.source)])}</p>
          {shown.retired > 0 && <p class="muted">{t('packRetiredCount', String(shown.retired))}</p>}
        </>
      )}
      <p class="muted">{t('packIntro')}</p>
      <label class="file-choice">
        {t('packFileLabel')}
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => {
            void chooseFile(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <form class="pack-url" onSubmit={(e) => void fetchFromUrl(e)}>
        <label class="file-choice" for="pack-url">
          {t('packUrlLabel')}
        </label>
        <div class="button-row">
          <input
            id="pack-url"
            type="url"
            inputMode="url"
            placeholder="https://"
            value={url}
            disabled={busy}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={busy || url.trim() === ''}>
            {t('packUrlButton')}
          </button>
        </div>
        <p class="muted">{t('packUrlNote')}</p>
      </form>
      {shown?.source.kind === 'pack' && (
        <div class="button-row">
          <button type="button" class="button" disabled={busy} onClick={() => void rollback()}>
            {t('packRollback')}
          </button>
        </div>
      )}
      {state.step === 'working' && (
        <p role="status" class="muted">
          {t('packWorking')}
        </p>
      )}
      {state.step === 'done' && (
        <div role="status">
          <p>{state.message}</p>
          {state.retiredIds.length > 0 && <p class="muted">{t('packRetiredNow', state.retiredIds.join(', '))}</p>}
        </div>
      )}
      {state.step === 'rejected' && (
        <div class="notice" role="alert">
          <p>{t('packRejected')}</p>
          <ul>
            {state.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'error' && (
        <p class="notice" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
