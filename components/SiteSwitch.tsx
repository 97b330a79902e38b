import { t } from '@/lib/i18n/t';

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
    <section class="panel switches" aria-label={t('siteSwitchRegion')}>
      {site && (
        <Toggle
          label={t('siteSwitchOnSite', site)}
          ariaLabel={t('siteSwitchOnSiteAria', site)}
          checked={siteEnabled}
          disabled={!globallyEnabled}
          onChange={onSiteChange}
          hint={globallyEnabled ? undefined : t('siteSwitchOffEverywhere')}
        />
      )}
      <Toggle
        label={t('siteSwitchEverywhere')}
        ariaLabel={t('siteSwitchEverywhereAria')}
        checked={globallyEnabled}
        onChange={onGlobalChange}
      />
    </section>
  );
}

function Toggle(props: {
  label: string;
  ariaLabel: string;
  checked: boolean;
  disabled?: boolean;
  hint?: string;
  onChange(checked: boolean): void;
}) {
  return (
    <div class="toggle-row">
      <span class="toggle-label">{props.label}</span>
      <button
        type="button"
        role="switch"
        class="toggle"
        aria-checked={props.checked}
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        title={props.hint}
        onClick={() => props.onChange(!props.checked)}
      >
        <span aria-hidden="true">{props.checked ? t('switchOn') : t('switchOff')}</span>
      </button>
    </div>
  );
}
