/**
 * Context rules decide ambiguous mentions ('IOM' the agency or the Isle of Man) from the words around them.
 * Rules are data (the dataset's contextRules); this module only evaluates them.
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
  const folded = foldText(text, true);
  let out = '';
  let space = true;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isWordCode(c)) {
      out += folded[i];
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return out.trimEnd();
}

export function compileRule(rule: TermIndexRule): CompiledRule {
  const phrases = (list: string[]) => list.map((p) => ` ${foldWords(p)} `).filter((p) => p.trim().length > 0);
  return { id: rule.id, window: rule.window, require: phrases(rule.requireAny), reject: phrases(rule.rejectAny) };
}

/** Characters read per word of window: generous, so long words do not shrink the window. */
const CHARS_PER_WORD = 24;

/**
 * True when the mention text[start, end) passes the rule: some required phrase appears within `window`
 * words before or after it (when the rule requires any), and no rejected phrase does. `extraContext` is
 * more text that counts as nearby (e.g. the page title).
 */
export function passesRule(rule: CompiledRule, text: string, start: number, end: number, extraContext = ''): boolean {
  const span = rule.window * CHARS_PER_WORD;
  const before = foldWords(text.slice(Math.max(0, start - span), start)).split(' ');
  const after = foldWords(text.slice(end, end + span)).split(' ');
  // The slices may begin or end inside a word: drop the partial ones.
  if (start - span > 0) before.shift();
  if (end + span < text.length) after.pop();
  const nearBefore = before.slice(-rule.window).join(' ');
  const nearAfter = after.slice(0, rule.window).join(' ');
  const extra = extraContext ? ` | ${foldWords(extraContext)} ` : ' ';
  // Rejections also look at the mention itself ("Palermo Protocols", plural, means all three protocols);
  // requirements do not, or a form containing its own required word would always pass.
  const withMention = ` ${nearBefore} ${foldWords(text.slice(start, end))} ${nearAfter}${extra}`;
  for (const phrase of rule.reject) if (withMention.includes(phrase)) return false;
  if (rule.require.length === 0) return true;
  const near = ` ${nearBefore} | ${nearAfter}${extra}`;
  return rule.require.some((phrase) => near.includes(phrase));
}
