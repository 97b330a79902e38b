import { describe, expect, it } from 'vitest';
import { isSiteDisabled, setSiteDisabled, siteOf, watchSite } from '@/lib/settings/disabled-sites';

describe('disabled sites', () => {
  it('keys sites by host name without www, and only for web pages', () => {
    expect(siteOf('https://www.example.org/news/1?x')).toBe('example.org');
    expect(siteOf('http://News.Example.org:8080/')).toBe('news.example.org');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('remembers a site switched off and on, and tells watchers', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSite('example.org', (disabled) => seen.push(disabled));
    expect(await isSiteDisabled('example.org')).toBe(false);
    await setSiteDisabled('example.org', true);
    await setSiteDisabled('other.org', true);
    expect(await isSiteDisabled('example.org')).toBe(true);
    await setSiteDisabled('example.org', false);
    expect(await isSiteDisabled('example.org')).toBe(false);
    expect(await isSiteDisabled('other.org')).toBe(true);
    unwatch();
    await setSiteDisabled('example.org', true);
    expect(seen).toEqual([true, true, false]);
  });
});
