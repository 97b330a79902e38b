/**
 * The card and the mentions list follow `prefers-color-scheme` unless a theme is forced (a user setting):
 * then their root carries `data-theme`, which card.css reads.
 */
export type ForcedTheme = 'light' | 'dark';
