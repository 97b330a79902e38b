import { describe, expect, it } from 'vitest';
import { fetchDataPackText, isAllowedPackUrl, parseDataPack } from '@/lib/library/data-pack';
import { withNewPaper } from '../../fixtures/data-packs';

describe('isAllowedPackUrl', () => {
  it('allows https anywhere and http only on this computer', () => {
    expect(isAllowedPackUrl('https://example.org/pack.json')).toBe(true);
    expect(isAllowedPackUrl('http://127.0.0.1:8080/pack.json')).toBe(true);
    expect(isAllowedPackUrl('http://localhost/pack.json')).toBe(true);
    for (const url of ['http://example.org/p.json', 'ftp://example.org/p', 'file:///p.json', 'data:,{}', 'https://u:p@example.org/p', 'nonsense']) {
      expect(isAllowedPackUrl(url)).toBe(false);
    }
  });
});

describe('parseDataPack', () => {
  it('accepts a valid dataset and lists the problems of an invalid one', () => {
    expect(parseDataPack(JSON.stringify(withNewPaper('2026.12.01')))).toMatchObject({ ok: true, dataset: { version: '2026.12.01' } });
    const dup = withNewPaper('2026.12.01');
    dup.agencies[1]!.id = 'unodc';
    expect(parseDataPack(JSON.stringify(dup))).toEqual({ ok: false, errors: expect.arrayContaining([expect.stringMatching(/id "unodc" is already used/)]) });
    expect(parseDataPack('[]')).toMatchObject({ ok: false });
  });
});

describe('fetchDataPackText', () => {
  const body = (text: string, init: ResponseInit = {}) => async () => new Response(text, init);

  it('returns the text of a 2xx answer', async () => {
    expect(await fetchDataPackText('https://x.org/p.json', { fetch: body('{"a":1}') })).toBe('{"a":1}');
  });

  it('refuses disallowed URLs without fetching', async () => {
    let called = false;
    await expect(
      fetchDataPackText('http://x.org/p.json', { fetch: async () => ((called = true), new Response('')) }),
    ).rejects.toMatchObject({ code: 'fetch-failed' });
    expect(called).toBe(false);
  });

  it('refuses bodies over the limit, by Content-Length and while reading', async () => {
    await expect(
      fetchDataPackText('https://x.org/p.json', { fetch: body('x', { headers: { 'content-length': '999' } }), maxChars: 10 }),
    ).rejects.toMatchObject({ code: 'fetch-failed', message: expect.stringMatching(/larger than/) });
    await expect(fetchDataPackText('https://x.org/p.json', { fetch: body('x'.repeat(50)), maxChars: 10 })).rejects.toMatchObject({
      message: expect.stringMatching(/larger than/),
    });
  });

  it('gives up after the timeout', async () => {
    const never = (_: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await expect(fetchDataPackText('https://x.org/p.json', { fetch: never, timeoutMs: 20 })).rejects.toMatchObject({
      code: 'fetch-failed',
      message: expect.stringMatching(/within 0.02 seconds/),
    });
  });

  it('reports network errors and HTTP errors in words', async () => {
    await expect(
      fetchDataPackText('https://x.org/p.json', { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/could not be fetched \(Failed to fetch\)/) });
    await expect(fetchDataPackText('https://x.org/p.json', { fetch: body('', { status: 500 }) })).rejects.toMatchObject({
      message: expect.stringMatching(/500/),
    });
  });
});
