/**
 * Context rules decide ambiguous mentions ('IOM' the agency or the Isle of Man) from the words around them.
 * Rules are data (the dataset's contextRules); this module only evaluates them.
 *
 * A block's words are found and folded once, the first time one of its mentions needs a rule, and every
 * rule check in that block reads them by index: checking costs the window's size, not the block's.
 */
import type { TermIndexRule } from '../library/term-index';
import { foldText, isWordCode } from './fold';

export interface CompiledRule {
  id: string;
  window: number;
  /** Folded phrases, each wrapped in spaces so ' iom ' never matches inside ' iomx '. */
  require: string[];
  reject: string[];
}

/** Lower-case, unaccented, punctuation folded to single spaces: 'Anti-Trafficking' becomes 'anti trafficking'. */
export function foldWords(text: string): string {
  return tokenize(text).words.join(' ');
}

export function compileRule(rule: TermIndexRule): CompiledRule {
  const phrases = (list: string[]) => list.map((p) => ` ${foldWords(p)} `).filter((p) => p.trim().length > 0);
  return { id: rule.id, window: rule.window, require: phrases(rule.requireAny), reject: phrases(rule.rejectAny) };
}

interface Words {
  /** Folded words, and where each starts and ends in the text. */
  words: string[];
  starts: number[];
  ends: number[];
}

/** Splits text into words (runs of letters, digits and marks of any script) and folds each. */
function tokenize(text: string): Words {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && (isWordCode(text.charCodeAt(i)) || isInvisible(text.charCodeAt(i)));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      const word = foldText(text.slice(start, i), true);
      if (word) {
        words.push(word);
        starts.push(start);
        ends.push(i);
      }
      start = -1;
    }
  }
  return { words, starts, ends };
}

/** Soft hyphens and zero-width characters sit inside words without splitting them. */
const isInvisible = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/** The words of one block of text, tokenized on first use, shared by every rule check in the block. */
export class BlockContext {
  private tokens: Words | null = null;
  private readonly extra: string;

  constructor(
    private readonly text: string,
    extraContext = '',
  ) {
    this.extra = extraContext ? ` | ${foldWords(extraContext)} ` : ' ';
  }

  /**
   * True when the mention text[start, end) passes the rule: some required phrase appears within `window`
   * words before or after it (when the rule requires any), and no rejected phrase does, nor in the mention
   * itself ("Palermo Protocols", plural, means all three protocols). Requirements do not look at the
   * mention, or a form containing its own required word would always pass. The extra context (the page
   * title) counts as nearby.
   */
  passes(rule: CompiledRule, start: number, end: number): boolean {
    const t = (this.tokens ??= tokenize(this.text));
    const first = firstWordEndingAfter(t.ends, start);
    let last = first;
    while (last < t.words.length && t.starts[last]! < end) last++;
    const before = t.words.slice(Math.max(0, first - rule.window), first).join(' ');
    const mention = t.words.slice(first, last).join(' ');
    const after = t.words.slice(last, last + rule.window).join(' ');
    const withMention = ` ${before} ${mention} ${after}${this.extra}`;
    for (const phrase of rule.reject) if (withMention.includes(phrase)) return false;
    if (rule.require.length === 0) return true;
    const near = ` ${before} | ${after}${this.extra}`;
    return rule.require.some((phrase) => near.includes(phrase));
  }
}

/** Index of the first word whose end is after `offset` (binary search: words are in order). */
function firstWordEndingAfter(ends: number[], offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
