import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, CHROME_MANIFEST_KEY } from '@/lib/config/extension-key';

describe('pinned Chrome extension id', () => {
  it('is the id Chrome derives from the manifest key', () => {
    // Chrome: first 128 bits of SHA-256 of the DER public key, hex digits mapped 0-f to a-p.
    const hex = createHash('sha256').update(Buffer.from(CHROME_MANIFEST_KEY, 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });
});
