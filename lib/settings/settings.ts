/**
 * Reader settings, versioned so later versions can migrate what older ones stored. Kept in extension
 * storage (pages cannot read it); content scripts follow changes live.
 */
import { browser } from 'wxt/browser';

export const SETTINGS_STORAGE_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export type ThemeSetting = 'system' | 'light' | 'dark';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Off everywhere when false (the popup's global switch); per-site switches live in disabled-sites. */
  enabled: boolean;
  /** The card's and list's colours: follow the system, or force one. */
  theme: ThemeSetting;
}

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, enabled: true, theme: 'system' };

/**
 * Whatever is stored (nothing, an older version, junk) becomes valid current settings.
 * v1 had only `theme`; v2 added the global switch `enabled` (on for everyone who had v1).
 */
export function migrateSettings(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<string, unknown>>;
  const theme = value.theme === 'light' || value.theme === 'dark' ? value.theme : 'system';
  const enabled = value.version === SETTINGS_VERSION && value.enabled === false ? false : true;
  return { version: SETTINGS_VERSION, enabled, theme };
}

export async function loadSettings(): Promise<Settings> {
  return migrateSettings((await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]);
}

export async function saveSettings(change: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const next = migrateSettings({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: next });
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_STORAGE_KEY in changes) onChange(migrateSettings(changes[SETTINGS_STORAGE_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
