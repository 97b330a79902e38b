/**
 * Aho-Corasick over folded text: all patterns found in one left-to-right pass, linear in the text.
 *
 * The alphabet is compressed to the characters that occur in patterns (about 60), and transitions are a
 * dense table with failure links already resolved, so scanning costs one array read per character. A
 * character that occurs in no pattern is class 0, which leads every state back to the root.
 */

export interface Automaton {
  /** Transition table: next = delta[state * alphabetSize + classOf(char)]. */
  readonly delta: Uint16Array | Uint32Array;
  readonly alphabetSize: number;
  /** Character class of each folded code (0 = in no pattern). Index by code for codes < 0x10000. */
  readonly classOf: Uint8Array | Uint16Array;
  /** Pattern ids that end at each state, including those reached through failure links; null where none. */
  readonly outputs: (readonly number[] | null)[];
  /** Folded length of each pattern, in characters. */
  readonly lengths: readonly number[];
  readonly maxLength: number;
}

/** Builds the automaton from patterns that are already folded. Empty patterns are ignored. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // 1. Alphabet: class 0 is "not in any pattern".
  const classes = new Map<number, number>();
  for (const p of patterns) for (let i = 0; i < p.length; i++) if (!classes.has(p.charCodeAt(i))) classes.set(p.charCodeAt(i), classes.size + 1);
  const alphabetSize = classes.size + 1;
  const classOf = alphabetSize < 256 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
  for (const [code, cls] of classes) classOf[code] = cls;

  // 2. Trie.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  patterns.forEach((p, id) => {
    if (!p) return;
    let state = 0;
    for (let i = 0; i < p.length; i++) {
      const cls = classOf[p.charCodeAt(i)]!;
      let next = children[state]!.get(cls);
      if (next === undefined) {
        next = children.push(new Map()) - 1;
        own.push([]);
        children[state]!.set(cls, next);
      }
      state = next;
    }
    own[state]!.push(id);
  });

  // 3. Failure links breadth-first, resolving every transition into the dense table as we go.
  const states = children.length;
  const delta = states < 0xffff ? new Uint16Array(states * alphabetSize) : new Uint32Array(states * alphabetSize);
  const fail = new Int32Array(states);
  const outputs: (number[] | null)[] = new Array(states).fill(null);
  const queue: number[] = [];
  for (let cls = 1; cls < alphabetSize; cls++) {
    const next = children[0]!.get(cls);
    if (next !== undefined) {
      delta[cls] = next;
      fail[next] = 0;
      queue.push(next);
    }
  }
  outputs[0] = own[0]!.length ? own[0]! : null;
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const inherited = outputs[fail[state]!];
    const mine = own[state]!;
    outputs[state] = mine.length ? (inherited ? [...mine, ...inherited] : mine) : inherited ?? null;
    const base = state * alphabetSize;
    const failBase = fail[state]! * alphabetSize;
    for (let cls = 1; cls < alphabetSize; cls++) {
      const next = children[state]!.get(cls);
      if (next === undefined) {
        delta[base + cls] = delta[failBase + cls]!;
      } else {
        delta[base + cls] = next;
        fail[next] = delta[failBase + cls]!;
        queue.push(next);
      }
    }
  }
  const lengths = patterns.map((p) => p.length);
  return { delta, alphabetSize, classOf, outputs, lengths, maxLength: Math.max(1, ...lengths) };
}
