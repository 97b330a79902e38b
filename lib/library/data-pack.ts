/**
 * Data packs: a dataset file in the bundled dataset's format (lib/data/schema.ts), from a file the reader
 * chose or from a web address. This module reads and validates the text, and fetches a pack from a URL
 * (only when the reader asks: ICAT Lens makes no other network request). See docs/data-packs.md.
 */
import { DATA_PACK_FETCH_TIMEOUT_MS, DATA_PACK_MAX_CHARS } from '../constants';
import type { Dataset } from '../data/schema';
import { validateDataset } from '../data/validate-dataset';
import { LibraryError } from './library-error';

export type PackParse = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/** Parses and validates a pack's text; every problem is a sentence (at most 20 of them). */
export function parseDataPack(text: string): PackParse {
  if (text.length > DATA_PACK_MAX_CHARS) {
    return { ok: false, errors: [`The file is larger than ${DATA_PACK_MAX_CHARS / 1e6} million characters.`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The file is not JSON (${error instanceof Error ? error.message : String(error)}).`] };
  }
  const result = validateDataset(json);
  return result.ok ? result : { ok: false, errors: result.errors };
}

/**
 * Which addresses a pack may be fetched from: https anywhere; plain http only on this computer
 * (127.0.0.1, localhost), for testing a pack before publishing it — that traffic never leaves the machine.
 * No credentials, no other schemes.
 */
export function isAllowedPackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost');
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchPackOptions {
  fetch?: FetchLike;
  maxChars?: number;
  timeoutMs?: number;
}

/**
 * Fetches a pack's text: refuses disallowed URLs, non-2xx answers, redirects to a disallowed URL, bodies
 * larger than the limit (by Content-Length and while reading) and answers slower than the timeout.
 * Throws LibraryError('fetch-failed') with a sentence a reader can be shown.
 */
export async function fetchDataPackText(url: string, options: FetchPackOptions = {}): Promise<string> {
  const { fetch: doFetch = (input, init) => fetch(input, init), maxChars = DATA_PACK_MAX_CHARS, timeoutMs = DATA_PACK_FETCH_TIMEOUT_MS } =
    options;
  if (!isAllowedPackUrl(url)) {
    throw new LibraryError('fetch-failed', 'Data packs can only be fetched from https:// addresses (or http:// on this computer).');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, { signal: controller.signal, credentials: 'omit', cache: 'no-store', redirect: 'follow' });
    if (response.url && !isAllowedPackUrl(response.url)) {
      throw new LibraryError('fetch-failed', 'The address redirected to one that is not https.');
    }
    if (!response.ok) throw new LibraryError('fetch-failed', `The server answered ${response.status} ${response.statusText}`.trim() + '.');
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxChars) throw tooLarge(maxChars);
    if (!response.body) {
      const text = await response.text();
      if (text.length > maxChars) throw tooLarge(maxChars);
      return text;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length > maxChars) {
        void reader.cancel();
        throw tooLarge(maxChars);
      }
    }
    return text + decoder.decode();
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    if (controller.signal.aborted) throw new LibraryError('fetch-failed', `The server did not send the pack within ${timeoutMs / 1000} seconds.`);
    throw new LibraryError(
      'fetch-failed',
      `The pack could not be fetched (${error instanceof Error ? error.message : String(error)}). Check the address, your connection, and that you allowed ICAT Lens to read that site.`,
    );
  } finally {
    clearTimeout(timer);
  }
}

const tooLarge = (maxChars: number) => new LibraryError('fetch-failed', `The pack is larger than ${maxChars / 1e6} million characters.`);
