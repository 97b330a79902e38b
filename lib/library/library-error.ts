/** Errors the background reports to callers by code; the message is written for a person. */
export type LibraryErrorCode =
  | 'foreign-sender'
  | 'invalid-message'
  | 'not-found'
  | 'bookmarks-unavailable'
  | 'dataset-invalid'
  | 'storage-unavailable'
  | 'fetch-failed'
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
