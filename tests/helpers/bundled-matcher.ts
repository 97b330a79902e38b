import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset } from '@/lib/data/schema';
import { validateDataset } from '@/lib/data/validate-dataset';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { buildTermIndex, type TermIndex } from '@/lib/library/term-index';
import { compileMatcher, type Matcher } from '@/lib/matcher/matcher';

export function bundledDataset(): Dataset {
  const result = validateDataset(JSON.parse(readFileSync(resolve('assets/data/icat-library.json'), 'utf8')));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
}

let cached: { index: TermIndex; matcher: Matcher } | null = null;

/** The matcher compiled from the real bundled dataset, as a content script gets it. */
export async function bundledMatcher(): Promise<{ index: TermIndex; matcher: Matcher }> {
  if (cached) return cached;
  const dataset = bundledDataset();
  const index = await buildTermIndex(memoryRecordSource(dataset), dataset.version);
  cached = { index, matcher: compileMatcher(index) };
  return cached;
}

/** [entity id, text as written] for every match: the shape most matcher tests compare. */
export async function mentions(text: string, extraContext?: string): Promise<[string, string][]> {
  const { matcher } = await bundledMatcher();
  return matcher.findMatches(text, extraContext).map((m) => [matcher.entities[m.entity]!.id, text.slice(m.start, m.end)]);
}
