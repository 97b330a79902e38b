import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, migrateSettings, saveSettings, watchSettings } from '@/lib/settings/settings';

describe('settings', () => {
  it('turns nothing, junk or an unknown shape into valid current settings', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('dark')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ theme: 'neon', extra: 1 })).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ version: 1, theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(migrateSettings({ version: 2, enabled: false, theme: 'light' })).toMatchObject({ version: 2, enabled: false, theme: 'light' });
    expect(migrateSettings({ version: 2, highlightKinds: ['agency', 'bogus'], highlightStyle: 'tint', hoverDelay: 'long' })).toMatchObject({
      highlightKinds: ['agency'],
      highlightStyle: 'tint',
      hoverDelay: 'long',
    });
    expect(migrateSettings({ version: 2, highlightKinds: 'agency' }).highlightKinds).toEqual(DEFAULT_SETTINGS.highlightKinds);
    // an older version cannot have switched off what did not exist yet
    expect(migrateSettings({ version: 1, enabled: false })).toMatchObject({ enabled: true });
  });

  it('saves, loads and notifies', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((s) => seen.push(s.theme));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ theme: 'light' });
    expect((await loadSettings()).theme).toBe('light');
    unwatch();
    expect(seen).toEqual(['light']);
  });
});
