import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '@/lib/matcher/fold';
import { bundledMatcher } from '../../helpers/bundled-matcher';

const { index, matcher } = await bundledMatcher();
const formTexts = index.forms.map((f) => f.text);

// Strings mixing arbitrary Unicode (astral, lone surrogates, marks) with real forms and the characters
// the folder treats specially.
const special = fc.constantFrom(' ', '\u00a0', '\u00ad', '\u200b', '’', '–', '\u0301', '\n', "'", 's', '-', '(', ')');
const chunk = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...formTexts) },
  { weight: 2, arbitrary: special },
);
const text = fc.array(chunk, { maxLength: 30 }).map((parts) => parts.join(''));

describe('matcher properties', () => {
  it('never throws, and every match slices back to the text of one of its forms', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = matcher.findMatches(t);
        let lastEnd = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(t.length);
          lastEnd = m.end;
          const form = index.forms[m.form]!;
          expect(form.entity).toBe(m.entity);
          const written = foldText(t.slice(m.start, m.end), true).replace(/s$/, '');
          const expected = foldText(form.text, true);
          expect([expected, expected.replace(/s$/, '')]).toContain(written);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a form that stands alone between spaces (unless its context rule forbids)', () => {
    const unconditional = index.forms.filter((f) => !f.context);
    fc.assert(
      fc.property(fc.constantFrom(...unconditional), fc.constantFrom(' ', '\n', ' — ', ' (', '. '), (form, gap) => {
        const t = `Before${gap}${form.text}${gap.split('').reverse().join('')}after.`;
        const found = matcher.findMatches(t).map((m) => t.slice(m.start, m.end));
        expect(found.some((f) => f.includes(form.text) || form.text.includes(f))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in a long run of near-misses (speed is measured by npm run bench, not here)', () => {
    const evil = 'UNOD UNOD UNODx UN Wome trafficking in person '.repeat(2_000);
    expect(matcher.findMatches(evil)).toEqual([]);
  });
});
