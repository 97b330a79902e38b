/**
 * Character folding for matching: every UTF-16 code unit of page text folds to at most one character, so a
 * match in folded text maps back to exact offsets in the original.
 *
 * - whitespace of any kind (spaces, tabs, newlines, no-break spaces) folds to ' ' (runs are collapsed by the
 *   scanner loop, not here);
 * - soft hyphens, zero-width characters and combining marks are dropped;
 * - curly quotes and apostrophes fold to ' and "; hyphens and dashes to a space, so 'human-trafficking'
 *   and 'Haut Commissariat' find 'human trafficking' and 'Haut-Commissariat';
 * - letters lose their accents ('é' to 'e', by canonical decomposition) and, when folding for
 *   case-insensitive matching, their case.
 */

/** Returned for characters that are dropped (they do not exist for matching). */
export const DROPPED = -1;
export const SPACE = 32;

const APOSTROPHES = '\u2018\u2019\u201A\u201B\u02BC\u2032\u00B4\u0060\uFF07';
const QUOTES = '\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\uFF02';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D\u2043';
const INVISIBLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF\u180E\u034F';

function computeFold(code: number, lower: boolean): number {
  const ch = String.fromCharCode(code);
  if (/\s/.test(ch)) return SPACE;
  if (INVISIBLE.includes(ch)) return DROPPED;
  if (APOSTROPHES.includes(ch)) return 39;
  if (QUOTES.includes(ch)) return 34;
  if (DASHES.includes(ch) || ch === '-') return SPACE;
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves pass through unchanged
  if (/\p{M}/u.test(ch)) return DROPPED; // combining accents of decomposed text
  let base = ch.normalize('NFD').charAt(0);
  if (lower) {
    const lowered = base.toLowerCase();
    if (lowered.length === 1) base = lowered;
  }
  return base.charCodeAt(0);
}

/** Marks a table entry not computed yet: entries are filled on first use, so start-up costs nothing. */
export const UNKNOWN = -2;

/** A fold table: an array read per character is the fastest fold there is (256 KB, filled lazily). */
export interface FoldTable {
  readonly codes: Int32Array;
  readonly lower: boolean;
}

function newTable(lower: boolean): FoldTable {
  const codes = new Int32Array(0x10000).fill(UNKNOWN);
  for (let c = 0; c < 128; c++) codes[c] = computeFold(c, lower);
  return { codes, lower };
}

let lowerTable: FoldTable | null = null;
let caseTable: FoldTable | null = null;
export const foldTableLower = (): FoldTable => (lowerTable ??= newTable(true));
export const foldTableCase = (): FoldTable => (caseTable ??= newTable(false));

/** The fold of one code unit; callers in hot loops inline the `codes[c]` read and call this on UNKNOWN. */
export function foldCode(table: FoldTable, code: number): number {
  let f = table.codes[code]!;
  if (f === UNKNOWN) f = table.codes[code] = computeFold(code, table.lower);
  return f;
}

/** Folds a whole string (patterns, verification): whitespace runs collapse, ends are trimmed. */
export function foldText(text: string, lower: boolean): string {
  const t = lower ? foldTableLower() : foldTableCase();
  let out = '';
  let space = true; // true at the start, so leading whitespace is dropped
  for (let i = 0; i < text.length; i++) {
    const f = foldCode(t, text.charCodeAt(i));
    if (f === DROPPED) continue;
    if (f === SPACE) {
      if (space) continue;
      space = true;
    } else space = false;
    out += String.fromCharCode(f);
  }
  return space && out.endsWith(' ') ? out.slice(0, -1) : out;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
/** 0 = not a word character, 1 = word character, 2 = not computed yet. */
const wordTable = new Uint8Array(0x10000).fill(2);
/** Letters, digits and marks of any script, and '_': what a word boundary must not cut through. */
export function isWordCode(code: number): boolean {
  let w = wordTable[code]!;
  if (w === 2) {
    w = wordTable[code] = code >= 0xd800 && code <= 0xdfff ? 1 : WORD.test(String.fromCharCode(code)) ? 1 : 0;
  }
  return w === 1;
}
