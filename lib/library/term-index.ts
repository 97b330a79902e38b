/**
 * The compact term index the background sends to content scripts: every surface form with the entity it
 * names, plus the context rules. Content scripts compile their matcher from it and cache it, so they never
 * need the database (which, from a page, they could not reach anyway).
 */
import type { EntityKind, Language } from '../data/schema';
import { isCurrent } from '../db/records';
import type { RecordSource } from './record-source';

export interface TermIndexEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

export interface TermIndexForm {
  text: string;
  /** Position of the entity in `entities`. */
  entity: number;
  caseSensitive: boolean;
  lang: Language;
  context?: string;
}

export interface TermIndexRule {
  id: string;
  window: number;
  requireAny: string[];
  rejectAny: string[];
}

export interface TermIndex {
  datasetVersion: string;
  /** What the index was built from (version, source, time of seeding): the cache is refreshed when it differs. */
  datasetKey?: string;
  entities: TermIndexEntity[];
  forms: TermIndexForm[];
  rules: TermIndexRule[];
}

export async function buildTermIndex(source: RecordSource, datasetVersion: string, datasetKey?: string): Promise<TermIndex> {
  // Retired records (kept only for a bookmark, docs/data-packs.md) are not detected on pages.
  const [agencies, publications, people, terms, rules] = await Promise.all([
    source.all('agencies').then((rows) => rows.filter(isCurrent)),
    source.all('publications').then((rows) => rows.filter(isCurrent)),
    source.all('people').then((rows) => rows.filter(isCurrent)),
    source.all('terms').then((rows) => rows.filter(isCurrent)),
    source.all('contextRules'),
  ]);
  const entities: TermIndexEntity[] = [];
  const forms: TermIndexForm[] = [];
  const add = (id: string, kind: EntityKind, name: string, entityForms: readonly Omit<TermIndexForm, 'entity'>[]) => {
    if (entityForms.length === 0) return;
    const entity = entities.push({ id, kind, name }) - 1;
    for (const { text, caseSensitive, lang, context } of entityForms) {
      forms.push(context ? { text, entity, caseSensitive, lang, context } : { text, entity, caseSensitive, lang });
    }
  };
  for (const a of agencies) add(a.id, 'agency', a.acronym ? `${a.name.en} (${a.acronym})` : a.name.en, a.forms);
  for (const t of terms) add(t.id, t.kind, t.name.en, t.forms);
  for (const p of publications) add(p.id, 'publication', p.title, p.forms);
  for (const p of people) add(p.id, 'person', p.name, p.forms);
  return {
    datasetVersion,
    ...(datasetKey === undefined ? {} : { datasetKey }),
    entities,
    forms,
    rules: rules.map(({ id, window, requireAny, rejectAny }) => ({ id, window, requireAny, rejectAny })),
  };
}
