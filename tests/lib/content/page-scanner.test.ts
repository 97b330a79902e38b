import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HighlightSink } from '@/lib/content/highlighter';
import { PageScanner } from '@/lib/content/page-scanner';
import { createTimeSlicer } from '@/lib/content/time-slicer';
import { bundledMatcher } from '../../helpers/bundled-matcher';

// happy-dom has no StaticRange; the scanner only needs it as a record of its four fields.
beforeAll(() => {
  if (typeof StaticRange === 'undefined') {
    (globalThis as Record<string, unknown>).StaticRange = class {
      constructor(init: object) {
        Object.assign(this, init);
      }
    };
  }
});

type Painted = { kind: string; text: string };
function recordingSink() {
  const painted = new Map<AbstractRange, Painted>();
  const adopted: ShadowRoot[] = [];
  const emphasized: AbstractRange[] = [];
  const textOf = (r: AbstractRange) => {
    if (r.startContainer === r.endContainer) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
    let text = (r.startContainer as Text).data.slice(r.startOffset);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walker.currentNode = r.startContainer;
    for (let n = walker.nextNode(); n && n !== r.endContainer; n = walker.nextNode()) text += (n as Text).data;
    return text + (r.endContainer as Text).data.slice(0, r.endOffset);
  };
  const sink: HighlightSink = {
    add: (range, kind) => void painted.set(range, { kind, text: textOf(range) }),
    delete: (range) => void painted.delete(range),
    adoptStyles: (root) => void adopted.push(root),
    emphasize: (range) => void emphasized.push(range),
    configure: () => undefined,
    flush: () => undefined,
    clear: () => painted.clear(),
  };
  return { sink, painted: () => [...painted.values()], adopted, emphasized };
}

let scanner: PageScanner | null = null;
afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.body.innerHTML = '';
});

async function scan(html: string, options: { isVisible?: (e: Element) => boolean } = {}) {
  document.body.innerHTML = html; // test fixture only
  const { matcher } = await bundledMatcher();
  const recording = recordingSink();
  scanner = new PageScanner({ matcher, highlights: recording.sink, debounceMs: 5, isVisible: options.isVisible ?? (() => true) });
  scanner.start(document.body);
  await scanner.idle();
  const counts = () => Object.fromEntries(scanner!.snapshot().entities.map((e) => [e.id, e.count]));
  return { scanner, ...recording, counts };
}

const settle = async () => {
  await new Promise((r) => setTimeout(r, 20));
  await scanner!.idle();
};

describe('PageScanner: reading the page', () => {
  it('matches names split across inline markup, comments and <wbr>', async () => {
    const { painted, counts } = await scan(`
      <p><b>UN</b> Women and UNO<span>DC</span> met.</p>
      <p><a href="#">Palermo</a> Protocol; UNO<wbr>DC; UN<!-- note -->ODC; <em>trafficking</em> in persons.</p>`);
    expect(counts()).toEqual({ 'un-women': 1, unodc: 3, 'tip-protocol': 1, 'trafficking-in-persons': 1 });
    expect(painted().map((p) => p.text)).toEqual([
      'UN Women',
      'UNODC',
      'Palermo Protocol',
      'UNODC',
      'UNODC',
      'trafficking in persons',
    ]);
  });

  it('does not join text across block elements, and treats <br> as a space', async () => {
    const { counts } = await scan('<div><p>UN</p><p>Women</p></div><p>UN<br>Women</p><div>UN<div>Women</div></div>');
    expect(counts()).toEqual({ 'un-women': 1 });
  });

  it('skips form controls, editable regions, code, scripts and hidden subtrees', async () => {
    const { counts } = await scan(`
      <p>UNODC</p>
      <textarea>UNODC</textarea><select><option>UNODC</option></select><button>UNODC</button>
      <div contenteditable="true"><p>UNODC</p></div><div contenteditable="false">ILO helped.</div>
      <pre>UNODC</pre><code>UNODC</code><script>"UNODC"</script><style>/* UNODC */</style>
      <div hidden>UNODC</div><div aria-hidden="true">UNODC</div><template>UNODC</template>
      <icat-lens-ui>UNODC</icat-lens-ui>`);
    expect(counts()).toEqual({ unodc: 1, ilo: 1 });
  });

  it('does not count text that is not rendered', async () => {
    const { counts } = await scan('<p>UNODC</p><div class="gone"><p>UNICEF</p></div>', {
      isVisible: (el) => !el.closest('.gone'),
    });
    expect(counts()).toEqual({ unodc: 1 });
  });

  it('reads open shadow roots and adopts the highlight styles into them', async () => {
    document.body.innerHTML = '<p>ILO</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>UNICEF and <b>UN</b> Women</p>';
    const { matcher } = await bundledMatcher();
    const recording = recordingSink();
    scanner = new PageScanner({ matcher, highlights: recording.sink, debounceMs: 5, isVisible: () => true });
    scanner.start(document.body);
    await scanner.idle();
    expect(Object.fromEntries(scanner.snapshot().entities.map((e) => [e.id, e.count]))).toEqual({
      ilo: 1,
      unicef: 1,
      'un-women': 1,
    });
    expect(recording.adopted).toEqual([shadow]);
  });

  it('uses the page title as context for ambiguous acronyms', async () => {
    document.title = 'Isle of Man Today';
    const { matcher } = await bundledMatcher();
    document.body.innerHTML = '<p>IOM announced new ferry times.</p>';
    scanner = new PageScanner({ matcher, highlights: null, isVisible: () => true, extraContext: () => document.title });
    scanner.start(document.body);
    await scanner.idle();
    expect(scanner.snapshot().entities).toEqual([]);
    document.title = '';
  });

  it('reports stats and idle when done, with entities most mentioned first', async () => {
    const { scanner: s } = await scan('<p>ILO, ILO and UNODC.</p><p>Plain text.</p>');
    const snap = s.snapshot();
    expect(snap.status).toBe('idle');
    expect(snap.stats.textNodes).toBe(2);
    expect(snap.stats.chars).toBe('ILO, ILO and UNODC.'.length + 'Plain text.'.length);
    expect(snap.entities.map((e) => [e.id, e.count])).toEqual([['ilo', 2], ['unodc', 1]]);
    expect(snap.stats.idleAt).toEqual(expect.any(Number));
  });
});

describe('PageScanner: finding a mention for the reader', () => {
  it('finds the first mention of an entity in document order and emphasises it', async () => {
    const { scanner: s, emphasized, painted } = await scan('<p>UNICEF first.</p><p>ILO <b>then</b> ILO again.</p>');
    expect(s.firstMentionOf('nobody')).toBeNull();
    const first = s.firstMentionOf('ilo')!;
    expect(first.startNode.data).toBe('ILO ');
    s.emphasize(first, 100);
    expect(emphasized).toEqual([first.range]);
    expect(painted().length).toBe(3);
  });
});

describe('PageScanner: time slicing and reading order', () => {
  it('pauses between blocks and still finds everything', async () => {
    document.body.innerHTML = Array.from({ length: 600 }, (_, i) => `<p>Item ${i}: UNODC</p>`).join('');
    const { matcher } = await bundledMatcher();
    let clock = 0;
    let pauses = 0;
    const slicer = createTimeSlicer(8, () => (clock += 4), async () => void pauses++);
    scanner = new PageScanner({ matcher, highlights: null, slicer, now: () => clock, isVisible: () => true });
    scanner.start(document.body);
    expect(scanner.snapshot().status).toBe('scanning');
    await scanner.idle();
    expect(pauses).toBeGreaterThan(5);
    expect(scanner.snapshot().entities).toEqual([expect.objectContaining({ id: 'unodc', count: 600 })]);
  });

  it('starts with the part in view, then reads the rest', async () => {
    document.body.innerHTML = '<p>ILO first in the document.</p><p id="view">UNICEF in view.</p><p>UNODC after.</p>';
    const { matcher } = await bundledMatcher();
    const recording = recordingSink();
    scanner = new PageScanner({ matcher, highlights: recording.sink, isVisible: () => true });
    scanner.start(document.body, document.getElementById('view'));
    await scanner.idle();
    expect(recording.painted().map((p) => p.text)).toEqual(['UNICEF', 'UNODC', 'ILO']);
  });
});

describe('PageScanner: keeping up with a changing page', () => {
  it('reads appended articles (infinite scroll) without rereading the rest', async () => {
    const { counts, scanner: s } = await scan('<main id="feed"><article><p>ILO report.</p></article></main>');
    const charsBefore = s.snapshot().stats.chars;
    const article = document.createElement('article');
    article.innerHTML = '<p>UNODC and UNICEF.</p>';
    document.getElementById('feed')!.append(article, document.createTextNode('\n'));
    await settle();
    expect(counts()).toEqual({ ilo: 1, unodc: 1, unicef: 1 });
    expect(s.snapshot().stats.chars - charsBefore).toBe('UNODC and UNICEF.'.length);
  });

  it('follows innerHTML += on a container', async () => {
    const { counts } = await scan('<div id="box"><p>ILO</p></div>');
    document.getElementById('box')!.innerHTML += '<p>UNODC</p>';
    await settle();
    expect(counts()).toEqual({ ilo: 1, unodc: 1 });
  });

  it('follows edited text and drops mentions whose text vanished', async () => {
    const { counts, painted } = await scan('<p id="a">UNODC said.</p><p id="b">ILO said.</p>');
    (document.getElementById('a')!.firstChild as Text).data = 'UNICEF said.';
    document.getElementById('b')!.remove();
    await settle();
    expect(counts()).toEqual({ unicef: 1 });
    expect(painted().map((p) => p.text)).toEqual(['UNICEF']);
  });

  it('rejoins a block when inline nodes are inserted into it', async () => {
    const { counts } = await scan('<p id="p">UN <span id="s"></span></p>');
    document.getElementById('s')!.textContent = 'Women';
    await settle();
    expect(counts()).toEqual({ 'un-women': 1 });
  });

  it('ignores changes inside editable regions and stops cleanly', async () => {
    const { counts, scanner: s } = await scan('<div contenteditable="true" id="ed"><p>draft</p></div>');
    document.getElementById('ed')!.innerHTML = '<p>UNODC typed by the user</p>';
    await settle();
    expect(counts()).toEqual({});
    s.stop();
    expect(s.snapshot().entities).toEqual([]);
  });
});

describe('PageScanner: text revealed, hidden and frames added later', () => {
  it('reads text revealed by removing hidden, and drops text hidden by adding it', async () => {
    const { counts } = await scan('<p>ILO</p><div id="more" hidden><p>UNICEF</p></div><div id="other"><p>UNODC</p></div>');
    document.getElementById('more')!.removeAttribute('hidden');
    document.getElementById('other')!.setAttribute('aria-hidden', 'true');
    await settle();
    expect(counts()).toEqual({ ilo: 1, unicef: 1 });
  });

  it('rereads matched text that a class change makes visible, and ignores other class changes', async () => {
    const { counts, scanner: s } = await scan('<p id="p">ILO</p><div id="box" class="gone"><p>UNICEF</p></div>', {
      isVisible: (el) => !el.closest('.gone'),
    });
    expect(counts()).toEqual({ ilo: 1 });
    const before = s.snapshot().stats.chars;
    document.getElementById('p')!.className = 'active'; // holds no hidden match: nothing is reread
    await settle();
    expect(s.snapshot().stats.chars).toBe(before);
    document.body.className = 'scrolled'; // an ancestor of hidden text: only that block is reread
    await settle();
    expect(s.snapshot().stats.chars).toBe(before + 'UNICEF'.length);
    document.getElementById('box')!.className = '';
    await settle();
    expect(counts()).toEqual({ ilo: 1, unicef: 1 });
  });

  it('says scanning, not idle, while a change waits for its rescan', async () => {
    const { scanner: s } = await scan('<article id="a"><p>UNODC</p></article><p>UNODC</p>');
    document.getElementById('a')!.remove();
    await Promise.resolve(); // mutation records are delivered in a microtask, before any message is handled
    expect(s.snapshot().status).toBe('scanning');
    await s.idle();
    expect(s.snapshot()).toMatchObject({ status: 'idle', entities: [{ id: 'unodc', count: 1 }] });
  });
});

describe('PageScanner: a page that replaces its body', () => {
  it('follows the new <body> and forgets the old one', async () => {
    document.body.innerHTML = '<p>UNODC</p>';
    const { matcher } = await bundledMatcher();
    const recording = recordingSink();
    scanner = new PageScanner({ matcher, highlights: recording.sink, debounceMs: 5, isVisible: () => true });
    scanner.start(document.body);
    await scanner.idle();
    const fresh = document.createElement('body');
    fresh.innerHTML = '<p>OHCHR and OSCE</p>';
    document.documentElement.replaceChild(fresh, document.body);
    await settle();
    expect(Object.fromEntries(scanner.snapshot().entities.map((e) => [e.id, e.count]))).toEqual({ ohchr: 1, osce: 1 });
    expect(recording.painted().map((p) => p.text).sort()).toEqual(['OHCHR', 'OSCE']);
  });
});
