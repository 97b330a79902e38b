import { describe, expect, it } from 'vitest';
import { startPageScan } from '@/lib/content/page-scan';
import { createTimeSlicer } from '@/lib/content/time-slicer';

function page(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html; // test fixture only
  return host;
}

describe('startPageScan', () => {
  it('counts the visible text a reader reads and reports idle when done', async () => {
    const root = page('<h1>UNODC report</h1><p>The <b>ILO</b> and IOM.</p>');
    const scan = startPageScan(root);
    await scan.done;
    const { status, stats, entities } = scan.snapshot();
    expect(status).toBe('idle');
    expect(stats.textNodes).toBe(4); // "UNODC report", "The ", "ILO", " and IOM."
    expect(stats.chars).toBe('UNODC report'.length + 'The '.length + 'ILO'.length + ' and IOM.'.length);
    expect(entities).toEqual([]);
  });

  it('skips scripts, styles, form controls, editable regions, code, hidden text and our own UI', async () => {
    const root = page(`
      <p>read me</p>
      <script>var UNODC = 1;</script><style>.x{}</style><noscript>no</noscript>
      <textarea>typed UNODC</textarea><select><option>ILO</option></select>
      <div contenteditable="true">editing IOM</div><div contenteditable="false">plain</div>
      <pre>code UNODC</pre><code>UNODC</code>
      <div hidden>hidden</div><div aria-hidden="true">decor</div>
      <icat-lens-ui>our card UNODC</icat-lens-ui>`);
    const scan = startPageScan(root);
    await scan.done;
    expect(scan.snapshot().stats.chars).toBe('read me'.length + 'plain'.length);
  });

  it('yields to the page between slices and still counts everything', async () => {
    const root = page(Array.from({ length: 2_000 }, (_, i) => `<p>paragraph ${i}</p>`).join(''));
    let clock = 0;
    let yields = 0;
    // Each clock read advances 5 ms: with an 8 ms budget the walk must yield many times.
    const slicer = createTimeSlicer(8, () => (clock += 5), async () => void yields++);
    const scan = startPageScan(root, slicer, () => clock);
    expect(scan.snapshot().status).toBe('scanning');
    await scan.done;
    expect(scan.snapshot().status).toBe('idle');
    expect(yields).toBeGreaterThan(10);
    expect(scan.snapshot().stats.textNodes).toBe(2_000);
  });

  it('gives a copy of its state, so callers cannot change it', async () => {
    const scan = startPageScan(page('<p>x</p>'));
    await scan.done;
    const snapshot = scan.snapshot();
    snapshot.stats.chars = 999;
    expect(scan.snapshot().stats.chars).toBe(1);
  });
});
