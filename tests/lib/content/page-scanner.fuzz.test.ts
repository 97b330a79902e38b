/**
 * Fuzzing the scanner on random DOM trees: it never throws, and its counts agree with an independent oracle
 * that builds the blocks of inline text recursively (a different algorithm from the scanner's walk) and
 * runs the matcher on each.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageScanner } from '@/lib/content/page-scanner';
import { INLINE_TAGS, INVISIBLE_TAGS, SKIPPED_TAGS } from '@/lib/content/visible-text';
import { bundledMatcher } from '../../helpers/bundled-matcher';

beforeAll(() => {
  if (typeof StaticRange === 'undefined') {
    (globalThis as Record<string, unknown>).StaticRange = class {
      constructor(init: object) {
        Object.assign(this, init);
      }
    };
  }
});

const { index, matcher } = await bundledMatcher();
const FORMS = index.forms.filter((f) => !f.context).map((f) => f.text);

type Tree = string | { tag: string; children: Tree[] };
const TAGS = ['div', 'p', 'section', 'li', 'span', 'b', 'em', 'a', 'br', 'wbr', 'script', 'textarea', 'code'];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FORMS) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' and ', '. ', ', the ', '\u00a0', '\u00ad', '-', 'x') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.oneof(
    { weight: 3, arbitrary: text },
    { weight: 2, arbitrary: fc.record({ tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 4 }) }) },
  ),
})).node as fc.Arbitrary<Tree>;

function build(t: Tree): Node {
  if (typeof t === 'string') return document.createTextNode(t);
  const el = document.createElement(t.tag);
  if (t.tag !== 'br' && t.tag !== 'wbr') for (const child of t.children) el.appendChild(build(child));
  return el;
}

/** The oracle: blocks of inline text, built recursively; <br> is a space; skipped subtrees contribute nothing. */
function oracleCount(root: Element): number {
  let count = 0;
  const blocks: string[] = [];
  const visit = (node: Node, current: { text: string }): void => {
    if (node.nodeType === 3) {
      current.text += (node as Text).data;
      return;
    }
    const el = node as Element;
    const tag = el.localName;
    if (SKIPPED_TAGS.has(tag)) {
      // Never read; a visible one (a form control, code) still separates the text around it.
      if (!INVISIBLE_TAGS.has(tag)) {
        blocks.push(current.text);
        current.text = '';
      }
      return;
    }
    if (tag === 'br') {
      if (current.text) current.text += ' ';
      return;
    }
    if (INLINE_TAGS.has(tag)) {
      for (const child of el.childNodes) visit(child, current);
      return;
    }
    // A block element ends the run of inline text around it, and its own content forms runs of its own.
    blocks.push(current.text);
    current.text = '';
    for (const child of el.childNodes) visit(child, current);
    blocks.push(current.text);
    current.text = '';
  };
  const outer = { text: '' };
  visit(root, outer);
  blocks.push(outer.text);
  for (const block of blocks) if (block) count += matcher.findMatches(block).length;
  return count;
}

describe('scanner fuzz', () => {
  it('never throws and agrees with an independent count on random DOM trees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 6 }), async (forest) => {
        document.body.innerHTML = '';
        const root = document.createElement('div');
        for (const t of forest) root.appendChild(build(t));
        document.body.appendChild(root);
        const scanner = new PageScanner({ matcher, highlights: null, isVisible: () => true });
        scanner.start(root);
        await scanner.idle();
        const counted = scanner.snapshot().entities.reduce((n, e) => n + e.count, 0);
        scanner.stop();
        expect(counted).toBe(oracleCount(root));
      }),
      { numRuns: 200 },
    );
  });
});
