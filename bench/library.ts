/**
 * The term list the bench plants in pages and hands to mark.js: every `forms[].text` of the library's
 * agencies, terms, publications and people, read straight from the bundled dataset (not through lib/, which
 * changes under the bench).
 */
import { readFileSync } from 'node:fs';
import { LIBRARY, TERM_TABLES } from './config';
import type { TermForm } from './page-generator';

interface LibraryFile {
  version: string;
  contextRules?: { id: string; requireAny?: string[] }[];
  [table: string]: unknown;
}

export function readLibrary(): LibraryFile {
  return JSON.parse(readFileSync(LIBRARY, 'utf8')) as LibraryFile;
}

/** Every form of the term tables, without duplicates (same text and case rule). */
export function allForms(library: LibraryFile = readLibrary()): TermForm[] {
  const seen = new Set<string>();
  const forms: TermForm[] = [];
  for (const table of TERM_TABLES) {
    for (const record of (library[table] as { forms?: TermForm[] }[] | undefined) ?? []) {
      for (const form of record.forms ?? []) {
        const key = `${form.caseSensitive ? 'cs' : 'ci'}:${form.text}`;
        if (!form.text.trim() || seen.has(key)) continue;
        seen.add(key);
        forms.push({ text: form.text, lang: form.lang, caseSensitive: form.caseSensitive, context: form.context });
      }
    }
  }
  return forms;
}

/**
 * The forms the generator plants as mentions: all of them except those whose context rule needs words our
 * mention sentences do not have (they carry "trafficked"/"anti-trafficking"; a rule wanting French refugee
 * vocabulary or "issue brief" would turn the planted mention into a negative and blur the sanity count).
 */
export function plantableForms(library: LibraryFile = readLibrary()): TermForm[] {
  const needsOther = new Set(
    (library.contextRules ?? [])
      .filter((rule) => (rule.requireAny ?? []).length > 0)
      .filter((rule) => !rule.requireAny!.some((word) => word === 'trafficked' || word === 'anti-trafficking'))
      .map((rule) => rule.id),
  );
  return allForms(library).filter((form) => !form.context || !needsOther.has(form.context));
}
