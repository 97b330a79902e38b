import { LibraryStatusPanel } from '@/components/LibraryStatusPanel';
import { useAsync } from '@/components/use-async';
import { askBackground } from '@/lib/messaging/background-client';

export function OptionsApp() {
  const status = useAsync(() => askBackground({ type: 'get-status' }), []);
  return (
    <main class="options">
      <header class="app-header">
        <h1>ICAT Lens settings</h1>
      </header>
      <section class="panel">
        <h2>About the library</h2>
        <p>
          ICAT Lens keeps the record of the Inter-Agency Coordination Group against Trafficking in Persons (ICAT) on
          this device: its papers and briefs, events, member agencies, people and key terms, each with its sources. It
          makes no network requests.
        </p>
      </section>
      {status.state === 'loading' && <p class="muted">Opening the library…</p>}
      {status.state === 'error' && (
        <p class="notice" role="alert">
          The library could not be opened: {status.message}
        </p>
      )}
      {status.state === 'ready' && <LibraryStatusPanel status={status.value} detailed />}
    </main>
  );
}
