import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, migrateSettings, saveSettings, watchSettings } from '@/lib/settings/settings';

describe('settings', () => {
  it('turns nothing, junk or an unknown shape into valid current settings', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('dark')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ theme: 'neon', extra: 1 })).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ version: 0, theme: 'dark' })).toEqual({ version: 1, theme: 'dark' });
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
