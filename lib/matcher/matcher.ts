/**
 * The matcher: compiled once from the term index, then finds every mention in a text in one linear pass.
 *
 * Rules, in order: fold the text (lib/matcher/fold.ts); find all candidate forms with Aho-Corasick;
 * keep a candidate only if it stands on word boundaries (letters and digits of any script), has the
 * form's exact case when the form is case-sensitive (acronyms), and passes its context rule; then choose
 * leftmost-longest, non-overlapping matches. A trailing plural 's' is accepted on case-insensitive phrases
 * ("Palermo Protocols"); a possessive "'s" lies outside the match on its own.
 */
import type { EntityKind } from '../data/schema';
import type { TermIndex } from '../library/term-index';
import { buildAutomaton, type Automaton } from './automaton';
import { BlockContext, compileRule, type CompiledRule } from './context-rules';
import { DROPPED, foldCode, foldTableCase, foldTableLower, foldText, isWordCode, SPACE, UNKNOWN } from './fold';

export interface Match {
  /** Offsets in the original text: text.slice(start, end) is the mention as written. */
  start: number;
  end: number;
  /** Index into the term index's entities. */
  entity: number;
  /** Index into the term index's forms. */
  form: number;
}

export interface EntityInfo {
  id: string;
  kind: EntityKind;
  name: string;
}

export interface Matcher {
  readonly entities: readonly EntityInfo[];
  /** Every mention in `text`, sorted by start. `extraContext` counts as nearby for context rules. */
  findMatches(text: string, extraContext?: string): Match[];
}

interface CompiledForm {
  entity: number;
  caseSensitive: boolean;
  /** Case-preserving fold of the form, compared with the text for case-sensitive forms. */
  exact: string;
  startsWithWord: boolean;
  endsWithWord: boolean;
  rule: CompiledRule | null;
}

export function compileMatcher(index: TermIndex): Matcher {
  const rules = new Map(index.rules.map((r) => [r.id, compileRule(r)]));
  const forms: CompiledForm[] = [];
  const patterns: string[] = [];
  index.forms.forEach((form) => {
    const folded = foldText(form.text, true);
    const exact = foldText(form.text, false);
    forms.push({
      entity: form.entity,
      caseSensitive: form.caseSensitive,
      exact,
      startsWithWord: folded.length > 0 && isWordCode(folded.charCodeAt(0)),
      endsWithWord: folded.length > 0 && isWordCode(folded.charCodeAt(folded.length - 1)),
      // A form naming a rule we do not have is never shown: when in doubt, do not highlight.
      rule: form.context ? (rules.get(form.context) ?? NEVER) : null,
    });
    patterns.push(folded);
  });
  const automaton = buildAutomaton(patterns);
  // Ring buffer of original offsets of the last folded characters: enough to find where a match began.
  // Allocated once: findMatches runs per block, thousands of times on a long page.
  let ringSize = 1;
  while (ringSize <= automaton.maxLength) ringSize <<= 1;
  const ring = new Int32Array(ringSize);
  return {
    entities: index.entities,
    findMatches: (text, extraContext = '') => findMatches(automaton, forms, ring, text, extraContext),
  };
}

const NEVER: CompiledRule = { id: '(missing rule)', window: 1, require: [' \u0000 '], reject: [] };

function findMatches(a: Automaton, forms: CompiledForm[], ring: Int32Array, text: string, extraContext: string): Match[] {
  const table = foldTableLower();
  const codes = table.codes;
  const { delta, alphabetSize, classOf, outputs, lengths } = a;
  const mask = ring.length - 1;

  const candidates: Match[] = [];
  let context: BlockContext | null = null;
  let state = 0;
  let folded = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f = codes[c]!;
    if (f === UNKNOWN) f = foldCode(table, c);
    if (f === DROPPED) continue;
    if (f === SPACE) {
      if (space) continue;
      space = true;
    } else space = false;
    ring[folded & mask] = i;
    folded++;
    state = delta[state * alphabetSize + classOf[f]!]!;
    const out = outputs[state];
    if (out === null || out === undefined) continue;
    for (const id of out) {
      const start = ring[(folded - lengths[id]!) & mask]!;
      const form = forms[id]!;
      const end = acceptedEnd(text, start, includeMarks(text, i + 1), form);
      if (end < 0) continue;
      if (form.rule && !(context ??= new BlockContext(text, extraContext)).passes(form.rule, start, end)) continue;
      candidates.push({ start, end, entity: form.entity, form: id });
    }
  }
  return leftmostLongest(candidates);
}

/** The end of the mention if the candidate text[start, end) is acceptable, or -1. */
function acceptedEnd(text: string, start: number, end: number, form: CompiledForm): number {
  if (form.startsWithWord && isWordCode(codeBefore(text, start))) return -1;
  if (form.caseSensitive && foldText(text.slice(start, end), false) !== form.exact) return -1;
  if (!form.endsWithWord) return end;
  const after = codeAt(text, end);
  if (!isWordCode(after)) return end;
  // "Palermo Protocols": a plural s on a case-insensitive phrase, if a boundary follows it.
  if (!form.caseSensitive && (after === 115 || after === 83) && !isWordCode(codeAt(text, end + 1))) return end + 1;
  return -1;
}

const MARK = /\p{M}/u;
/** Moves an end past combining marks, so a match never splits a letter from its accent. */
function includeMarks(text: string, end: number): number {
  while (end < text.length && MARK.test(text.charAt(end))) end++;
  return end;
}

/** The code before `index`, skipping characters that fold away (soft hyphens, zero-width marks); 32 at the start. */
function codeBefore(text: string, index: number): number {
  const table = foldTableLower();
  for (let i = index - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (foldCode(table, c) !== DROPPED) return c;
  }
  return SPACE;
}

function codeAt(text: string, index: number): number {
  const table = foldTableCase();
  for (let i = index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (foldCode(table, c) !== DROPPED) return c;
  }
  return SPACE;
}

/** Leftmost first; at the same start the longest; no overlaps. */
function leftmostLongest(candidates: Match[]): Match[] {
  if (candidates.length <= 1) return candidates;
  candidates.sort((x, y) => x.start - y.start || y.end - x.end || x.form - y.form);
  const chosen: Match[] = [];
  let lastEnd = -1;
  for (const m of candidates) {
    if (m.start >= lastEnd) {
      chosen.push(m);
      lastEnd = m.end;
    }
  }
  return chosen;
}
