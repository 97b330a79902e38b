/** The sites where the reader switched ICAT Lens off, each with a way to switch it back on. */
export function DisabledSites({ sites, onEnable }: { sites: readonly string[]; onEnable(site: string): void }) {
  if (sites.length === 0) {
    return <p class="muted">ICAT Lens runs on every site. Use “Disable on this site” on a card to switch it off somewhere.</p>;
  }
  return (
    <ul class="site-list" aria-label="Sites where ICAT Lens is off">
      {sites.map((site) => (
        <li key={site} class="site">
          <span>{site}</span>
          <button type="button" class="link-button" onClick={() => onEnable(site)} aria-label={`Turn ICAT Lens back on for ${site}`}>
            Turn back on
          </button>
        </li>
      ))}
    </ul>
  );
}
