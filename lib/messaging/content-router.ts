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
  | { revealed: boolean }
  | { error: { code: 'foreign-sender' | 'invalid-message'; message: string } };

export interface ContentActions {
  openMentionsList(): boolean;
  revealMention(entityId: string): boolean;
}

const NO_ACTIONS: ContentActions = { openMentionsList: () => false, revealMention: () => false };

export function createContentRouter(extensionId: string, scan: () => PageScan, actions: ContentActions = NO_ACTIONS) {
  return (message: unknown, sender: MessageSenderLike): Promise<ContentReply> => {
    if (sender.id !== extensionId) {
      return Promise.resolve({ error: { code: 'foreign-sender', message: 'Only ICAT Lens may ask this page.' } });
    }
    const parsed = v.safeParse(ContentRequestSchema, message);
    if (!parsed.success) {
      return Promise.resolve({ error: { code: 'invalid-message', message: `Message refused: ${describeIssues(parsed.issues)}` } });
    }
    const request = parsed.output;
    if (request.type === 'open-mentions-list') return Promise.resolve({ opened: actions.openMentionsList() });
    if (request.type === 'reveal-mention') return Promise.resolve({ revealed: actions.revealMention(request.entityId) });
    return Promise.resolve(scan().snapshot());
  };
}
