/**
 * Detection quality on real text: the labelled corpus of news and report passages in tests/fixtures/corpus
 * (English, French, Spanish, hard negatives included; sources cited per passage). Precision and recall
 * must each be at least 0.95. A miss or a false alarm is printed with its passage, to fix data or code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledMatcher } from '../../helpers/bundled-matcher';

interface Passage {
  id: string;
  source: string;
  kind: 'positive' | 'negative' | 'mixed';
  text: string;
  mentions: { entity: string; text: string }[];
}

const TARGET = 0.95;
const files = ['en', 'fr', 'es'].map((lang) => resolve(`tests/fixtures/corpus/${lang}.json`)).filter(existsSync);
const passages: Passage[] = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).passages);

type Span = { entity: string; start: number; end: number };

/** Label spans, found in order in the passage text. */
function expectedSpans(p: Passage): Span[] {
  let from = 0;
  return p.mentions.map((m) => {
    const start = p.text.indexOf(m.text, from);
    if (start < 0) throw new Error(`${p.id}: label "${m.text}" not found in order`);
    from = start + m.text.length;
    return { entity: m.entity, start, end: start + m.text.length };
  });
}

const overlaps = (a: Span, b: Span) => a.entity === b.entity && a.start < b.end && b.start < a.end;

describe('detection quality on the labelled corpus', () => {
  it('has a corpus in each language, with sources and hard negatives', () => {
    expect(files.length).toBe(3);
    expect(passages.length).toBeGreaterThanOrEqual(60);
    expect(passages.every((p) => /^https?:\/\//.test(p.source))).toBe(true);
    expect(passages.filter((p) => p.kind !== 'positive').length).toBeGreaterThanOrEqual(15);
  });

  it(`reaches precision and recall of at least ${TARGET}`, async () => {
    const { matcher } = await bundledMatcher();
    let truePositives = 0;
    let predicted = 0;
    let expected = 0;
    const problems: string[] = [];
    for (const p of passages) {
      const want = expectedSpans(p);
      const got: Span[] = matcher
        .findMatches(p.text)
        .map((m) => ({ entity: matcher.entities[m.entity]!.id, start: m.start, end: m.end }));
      const matched = new Set<Span>();
      for (const g of got) {
        const hit = want.find((w) => !matched.has(w) && overlaps(w, g));
        if (hit) {
          matched.add(hit);
          truePositives++;
        } else problems.push(`false alarm ${p.id}: ${g.entity} "${p.text.slice(g.start, g.end)}"`);
      }
      for (const w of want) if (!matched.has(w)) problems.push(`missed ${p.id}: ${w.entity} "${p.text.slice(w.start, w.end)}"`);
      predicted += got.length;
      expected += want.length;
    }
    const precision = predicted ? truePositives / predicted : 1;
    const recall = expected ? truePositives / expected : 1;
    console.info(
      `corpus: ${passages.length} passages, ${expected} labelled mentions; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (problems.length ? `\n  ${problems.join('\n  ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(TARGET);
    expect(recall).toBeGreaterThanOrEqual(TARGET);
  });
});
