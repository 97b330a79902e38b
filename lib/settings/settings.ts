/**
 * Reader settings, versioned so later versions can migrate what older ones stored. Kept in extension
 * storage (pages cannot read it); content scripts follow changes live.
 */
import { browser } from 'wxt/browser';

export const SETTINGS_STORAGE_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export type ThemeSetting = 'system' | 'light' | 'dark';
export type HighlightStyle = 'tint-underline' | 'underline' | 'tint';
export type HoverDelay = 'short' | 'normal' | 'long';

/** Kinds of mention a reader can choose to see highlighted (instruments and initiatives go with terms). */
export const HIGHLIGHT_KINDS = ['agency', 'term', 'publication', 'person'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Off everywhere when false (the popup's global switch); per-site switches live in disabled-sites. */
  enabled: boolean;
  /** The card's and list's colours: follow the system, or force one. */
  theme: ThemeSetting;
  /** Which kinds of mention are highlighted (all are still counted in "on this page"). */
  highlightKinds: HighlightKind[];
  highlightStyle: HighlightStyle;
  /** How long the pointer rests before a card shows (see HOVER_DELAYS in lib/constants.ts). */
  hoverDelay: HoverDelay;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  theme: 'system',
  highlightKinds: [...HIGHLIGHT_KINDS],
  highlightStyle: 'tint-underline',
  hoverDelay: 'normal',
};

/** The highlight kind a mention's entity kind falls under (instruments and initiatives go with terms). */
export function highlightKindOf(kind: string): HighlightKind {
  if (kind === 'agency' || kind === 'publication' || kind === 'person') return kind;
  if (kind === 'event') return 'publication';
  return 'term';
}

/**
 * Whatever is stored (nothing, an older version, junk) becomes valid current settings.
 * v1 had only `theme`; v2 added the global switch `enabled` (on for everyone who had v1) and the
 * highlight and hover preferences (defaults for anyone who had v1).
 */
export function migrateSettings(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<string, unknown>>;
  const theme = value.theme === 'light' || value.theme === 'dark' ? value.theme : 'system';
  const enabled = value.version === SETTINGS_VERSION && value.enabled === false ? false : true;
  const kinds = Array.isArray(value.highlightKinds)
    ? HIGHLIGHT_KINDS.filter((k) => (value.highlightKinds as unknown[]).includes(k))
    : [...HIGHLIGHT_KINDS];
  const highlightStyle = value.highlightStyle === 'underline' || value.highlightStyle === 'tint' ? value.highlightStyle : 'tint-underline';
  const hoverDelay = value.hoverDelay === 'short' || value.hoverDelay === 'long' ? value.hoverDelay : 'normal';
  return { version: SETTINGS_VERSION, enabled, theme, highlightKinds: kinds, highlightStyle, hoverDelay };
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
