/**
 * The popup's two switches: ICAT Lens on this site, and everywhere. Switches (role="switch"), so screen
 * readers announce on/off; both are remembered across restarts by their stores.
 */
export interface SiteSwitchProps {
  /** The current page's site, or null where ICAT Lens cannot run. */
  site: string | null;
  siteEnabled: boolean;
  globallyEnabled: boolean;
  onSiteChange(enabled: boolean): void;
  onGlobalChange(enabled: boolean): void;
}

export function SiteSwitch({ site, siteEnabled, globallyEnabled, onSiteChange, onGlobalChange }: SiteSwitchProps) {
  return (
    <section class="panel switches" aria-label="Where ICAT Lens runs">
      {site && (
        <Toggle
          label={`On ${site}`}
          checked={siteEnabled}
          disabled={!globallyEnabled}
          onChange={onSiteChange}
          hint={globallyEnabled ? undefined : 'ICAT Lens is off everywhere.'}
        />
      )}
      <Toggle label="Everywhere" checked={globallyEnabled} onChange={onGlobalChange} />
    </section>
  );
}

function Toggle(props: { label: string; checked: boolean; disabled?: boolean; hint?: string; onChange(checked: boolean): void }) {
  return (
    <div class="toggle-row">
      <span class="toggle-label">{props.label}</span>
      <button
        type="button"
        role="switch"
        class="toggle"
        aria-checked={props.checked}
        aria-label={`ICAT Lens ${props.label.toLowerCase()}`}
        disabled={props.disabled}
        title={props.hint}
        onClick={() => props.onChange(!props.checked)}
      >
        <span aria-hidden="true">{props.checked ? 'On' : 'Off'}</span>
      </button>
    </div>
  );
}
