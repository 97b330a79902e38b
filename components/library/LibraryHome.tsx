import { useEffect } from 'preact/hooks';
import { askBackground } from '@/lib/messaging/background-client';
import { LibrarySearch } from './LibrarySearch';

export function LibraryHome() {
  useEffect(() => {
    document.title = 'ICAT Lens library';
  }, []);
  return (
    <>
      <section class="home-intro" aria-labelledby="home-heading">
        <h1 id="home-heading">The ICAT library</h1>
        <p>
          The papers, events, member agencies, people and key terms of the Inter-Agency Coordination Group against
          Trafficking in Persons (ICAT), each with its sources. Everything here is stored on this device.
        </p>
        <p>
          <a href="#/timeline">Timeline: ICAT year by year, 2006 to today</a>
        </p>
      </section>
      <LibrarySearch search={(query) => askBackground({ type: 'search', query })} />
    </>
  );
}
