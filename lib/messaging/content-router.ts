/**
 * The content script's message handler. Only our own extension can reach it (runtime messages never come
 * from the page), and it still checks the sender and the payload: anything but `page-entities` is refused.
 */
import * as v from 'valibot';
import type { PageScan } from '../content/page-scanner';
import type { MessageSenderLike } from './background-router';
import { ContentRequestSchema, describeIssues, type PageEntitiesResponse } from './protocol';

export type ContentReply =
  | PageEntitiesResponse
  | { opened: boolean }
  | { error: { code: 'foreign-sender' | 'invalid-message'; message: string } };

export function createContentRouter(extensionId: string, scan: () => PageScan, openMentionsList: () => boolean = () => false) {
  return (message: unknown, sender: MessageSenderLike): Promise<ContentReply> => {
    if (sender.id !== extensionId) {
      return Promise.resolve({ error: { code: 'foreign-sender', message: 'Only ICAT Lens may ask this page.' } });
    }
    const parsed = v.safeParse(ContentRequestSchema, message);
    if (!parsed.success) {
      return Promise.resolve({ error: { code: 'invalid-message', message: `Message refused: ${describeIssues(parsed.issues)}` } });
    }
    if (parsed.output.type === 'open-mentions-list') return Promise.resolve({ opened: openMentionsList() });
    return Promise.resolve(scan().snapshot());
  };
}
