/**
 * Sends typed requests to the background from content scripts and extension pages, and unwraps the
 * envelope: callers get the data or a LibraryError with the background's code and message.
 */
import { browser } from 'wxt/browser';
import { LibraryError } from '../library/library-error';
import type { BackgroundRequest, BackgroundResponses, ResponseEnvelope } from './protocol';

export async function askBackground<R extends BackgroundRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
  const envelope = (await browser.runtime.sendMessage(request)) as ResponseEnvelope<BackgroundResponses[R['type']]> | undefined;
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new LibraryError('internal', 'The extension background did not answer. Reload the page or the extension.');
  }
  if (!envelope.ok) throw new LibraryError(envelope.error.code, envelope.error.message);
  return envelope.data;
}
