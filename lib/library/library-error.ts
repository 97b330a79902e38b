/** Errors the background reports to callers by code; the message is written for a person. */
export type LibraryErrorCode =
  | 'foreign-sender'
  | 'invalid-message'
  | 'not-found'
  | 'bookmarks-unavailable'
  | 'dataset-invalid'
  | 'storage-unavailable'
  | 'fetch-failed'
  | 'storage-failed'
  | 'internal';

export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

/**
 * IndexedDB failures that happen while the extension runs (a full disk, the browser clearing site data, the
 * database closed under us), turned into a sentence. Null for anything else. Dexie wraps the DOM error in
 * `inner`; both are looked at.
 */
export function describeStorageError(error: unknown): string | null {
  const names = [(error as { name?: string } | null)?.name, (error as { inner?: { name?: string } } | null)?.inner?.name];
  if (names.includes('QuotaExceededError')) return 'The browser has no room left to store this. Nothing already saved was changed.';
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError' || n === 'UnknownError' || n === 'VersionError')) {
    return 'The browser closed or cleared the library while it was in use. Nothing already saved was changed; try again.';
  }
  return null;
}
