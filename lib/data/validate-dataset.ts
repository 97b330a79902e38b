/**
 * Full validation of a dataset: the shape (valibot) and then what a schema cannot say: ids unique across
 * all tables, and every reference pointing at a record of the right kind. Used on the bundled dataset
 * (test and seed time) and on every data pack, so its messages are written for a person to read.
 */
import * as v from 'valibot';
import { DatasetShapeSchema, type Dataset } from './schema';

export type DatasetValidation = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/** At most this many messages are reported: a broken file would otherwise produce thousands. */
const MAX_REPORTED_ERRORS = 20;

export function validateDataset(input: unknown): DatasetValidation {
  const parsed = v.safeParse(DatasetShapeSchema, input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => {
        const path = v.getDotPath(issue);
        return path ? `${path}: ${issue.message}` : issue.message;
      }),
    };
  }
  const errors = findReferenceErrors(parsed.output);
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) } : { ok: true, dataset: parsed.output };
}

function findReferenceErrors(d: Dataset): string[] {
  const errors: string[] = [];
  const owner = new Map<string, string>();
  const tables = {
    agencies: d.agencies,
    publications: d.publications,
    events: d.events,
    people: d.people,
    terms: d.terms,
    contextRules: d.contextRules,
    ambiguities: d.ambiguities,
  } as const;
  for (const [table, rows] of Object.entries(tables)) {
    for (const row of rows) {
      const previous = owner.get(row.id);
      if (previous) errors.push(`${table}: id "${row.id}" is already used in ${previous}`);
      else owner.set(row.id, table);
    }
  }
  const expect = (where: string, id: string | undefined, table: keyof typeof tables) => {
    if (id !== undefined && owner.get(id) !== table) errors.push(`${where}: "${id}" is not an id in ${table}`);
  };
  const checkForms = (table: string, id: string, forms: Dataset['agencies'][number]['forms']) => {
    for (const form of forms) expect(`${table} ${id} form "${form.text}"`, form.context, 'contextRules');
  };

  for (const a of d.agencies) checkForms('agencies', a.id, a.forms);
  for (const p of d.publications) {
    checkForms('publications', p.id, p.forms);
    for (const id of p.agencies) expect(`publications ${p.id} agencies`, id, 'agencies');
    for (const id of p.terms) expect(`publications ${p.id} terms`, id, 'terms');
  }
  for (const e of d.events) {
    for (const id of e.launched) expect(`events ${e.id} launched`, id, 'publications');
    for (const id of e.agencies) expect(`events ${e.id} agencies`, id, 'agencies');
    for (const id of e.terms) expect(`events ${e.id} terms`, id, 'terms');
    for (const p of e.participants) expect(`events ${e.id} participants`, p.person, 'people');
  }
  for (const p of d.people) {
    checkForms('people', p.id, p.forms);
    expect(`people ${p.id} agency`, p.agency, 'agencies');
  }
  for (const t of d.terms) {
    checkForms('terms', t.id, t.forms);
    for (const id of t.publications) expect(`terms ${t.id} publications`, id, 'publications');
  }
  for (const a of d.ambiguities) expect(`ambiguities ${a.id} rule`, a.rule, 'contextRules');
  return errors;
}
