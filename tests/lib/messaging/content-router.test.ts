import { describe, expect, it } from 'vitest';
import { createContentRouter } from '@/lib/messaging/content-router';
import type { PageScan } from '@/lib/content/page-scanner';

const OUR_ID = 'jdncnlpoeighemnoamkojmlijahniblh';
const scan: PageScan = {
  idle: () => Promise.resolve(),
  snapshot: () => ({ status: 'idle', stats: { textNodes: 3, chars: 120, scanMs: 0.4 }, entities: [] }),
};

describe('content router', () => {
  const handle = createContentRouter(OUR_ID, () => scan);

  it('answers page-entities from our extension with the scan snapshot', async () => {
    expect(await handle({ type: 'page-entities' }, { id: OUR_ID })).toEqual(scan.snapshot());
  });

  it('opens the mentions list on request (the keyboard shortcut)', async () => {
    let opened = 0;
    const revealed: string[] = [];
    const router = createContentRouter(OUR_ID, () => scan, {
      openMentionsList: () => (opened++, true),
      revealMention: (id) => (revealed.push(id), id === 'unodc'),
    });
    expect(await router({ type: 'open-mentions-list' }, { id: OUR_ID })).toEqual({ opened: true });
    expect(opened).toBe(1);
    expect(await router({ type: 'reveal-mention', entityId: 'unodc' }, { id: OUR_ID })).toEqual({ revealed: true });
    expect(await router({ type: 'reveal-mention', entityId: 'ilo' }, { id: OUR_ID })).toEqual({ revealed: false });
    expect(await router({ type: 'reveal-mention', entityId: '<script>' }, { id: OUR_ID })).toMatchObject({ error: { code: 'invalid-message' } });
    expect(revealed).toEqual(['unodc', 'ilo']);
  });

  it('refuses other senders and other messages', async () => {
    expect(await handle({ type: 'page-entities' }, { id: 'other' })).toMatchObject({ error: { code: 'foreign-sender' } });
    expect(await handle({ type: 'page-entities', extra: 1 }, { id: OUR_ID })).toMatchObject({ error: { code: 'invalid-message' } });
    expect(await handle({ type: 'get-status' }, { id: OUR_ID })).toMatchObject({ error: { code: 'invalid-message' } });
    expect(await handle(null, { id: OUR_ID })).toMatchObject({ error: { code: 'invalid-message' } });
  });
});
