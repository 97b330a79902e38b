/**
 * An entity with the ICAT records that concern it: what the hover card and the library page show.
 */
import { isCurrent, type StoredEvent } from '../db/records';
import type { Agency, Person, Publication, Term } from '../data/schema';
import { byNewestFirst, summarize, type EntityDetails, type EntityRecord, type EntitySummary } from './entity';
import type { RecordSource } from './record-source';

/** Finds a record by id in whichever table holds it (ids are unique across the dataset). */
export async function findEntity(source: RecordSource, id: string): Promise<EntityRecord | null> {
  const [agency, publication, event, person, term] = await Promise.all([
    source.get('agencies', id),
    source.get('publications', id),
    source.get('events', id),
    source.get('people', id),
    source.get('terms', id),
  ]);
  if (agency) return { kind: 'agency', record: agency };
  if (publication) return { kind: 'publication', record: publication };
  if (event) return { kind: 'event', record: event };
  if (person) return { kind: 'person', record: person };
  if (term) return { kind: term.kind, record: term };
  return null;
}

export async function getEntityDetails(source: RecordSource, id: string): Promise<EntityDetails | null> {
  const entity = await findEntity(source, id);
  if (!entity) return null;
  const all = await collectRelated(source, entity);
  // Retired records (kept only for a bookmark) are readable themselves but not listed as related.
  const related: Related = {
    publications: all.publications.filter(isCurrent),
    events: all.events.filter(isCurrent),
    agencies: all.agencies.filter(isCurrent),
    people: all.people.filter(isCurrent),
    terms: all.terms.filter(isCurrent),
  };
  return {
    entity,
    summary: summarize(entity),
    related: {
      publications: summaries('publication', related.publications),
      events: summaries('event', related.events),
      agencies: related.agencies.map((record) => summarize({ kind: 'agency', record })),
      people: related.people.map((record) => summarize({ kind: 'person', record })),
      terms: related.terms.map((record) => summarize({ kind: record.kind, record })),
    },
  };
}

type Related = {
  publications: Publication[];
  events: StoredEvent[];
  agencies: Agency[];
  people: Person[];
  terms: Term[];
};

async function collectRelated(source: RecordSource, entity: EntityRecord): Promise<Related> {
  const none: Related = { publications: [], events: [], agencies: [], people: [], terms: [] };
  switch (entity.kind) {
    case 'agency': {
      const id = entity.record.id;
      const [events, ownPublications, people] = await Promise.all([
        source.where('events', 'agencies', id),
        source.where('publications', 'agencies', id),
        source.where('people', 'agency', id),
      ]);
      // An agency is concerned by the papers it worked on and by those launched at events it took part in.
      const launched = await source.getMany('publications', events.flatMap((e) => e.launched));
      return { ...none, events, people, publications: uniqueById([...ownPublications, ...launched]) };
    }
    case 'publication': {
      const p = entity.record;
      const [events, agencies, ownTerms, referringTerms] = await Promise.all([
        source.where('events', 'launched', p.id),
        source.getMany('agencies', p.agencies),
        source.getMany('terms', p.terms),
        source.where('terms', 'publications', p.id),
      ]);
      return { ...none, events, agencies, terms: uniqueById([...ownTerms, ...referringTerms]) };
    }
    case 'event': {
      const e = entity.record;
      const [publications, agencies, people, terms] = await Promise.all([
        source.getMany('publications', e.launched),
        source.getMany('agencies', e.agencies),
        source.getMany('people', e.people),
        source.getMany('terms', e.terms),
      ]);
      return { ...none, publications, agencies, people, terms };
    }
    case 'person': {
      const p = entity.record;
      const [events, agencies] = await Promise.all([
        source.where('events', 'people', p.id),
        p.agency ? source.getMany('agencies', [p.agency]) : Promise.resolve([]),
      ]);
      const publications = await source.getMany('publications', events.flatMap((e) => e.launched));
      return { ...none, events, agencies, publications: uniqueById(publications) };
    }
    default: {
      const t = entity.record;
      const [listed, tagged, taggedEvents] = await Promise.all([
        source.getMany('publications', t.publications),
        source.where('publications', 'terms', t.id),
        source.where('events', 'terms', t.id),
      ]);
      const publications = uniqueById([...listed, ...tagged]);
      // Events that launched one of the term's papers concern the term as well.
      const launchEvents = (await Promise.all(publications.map((p) => source.where('events', 'launched', p.id)))).flat();
      return { ...none, publications, events: uniqueById([...taggedEvents, ...launchEvents]) };
    }
  }
}

function summaries(kind: 'publication', rows: Publication[]): EntitySummary[];
function summaries(kind: 'event', rows: StoredEvent[]): EntitySummary[];
function summaries(kind: 'publication' | 'event', rows: (Publication | StoredEvent)[]): EntitySummary[] {
  return rows
    .map((record) => summarize(kind === 'event' ? { kind, record: record as StoredEvent } : { kind, record: record as Publication }))
    .sort(byNewestFirst);
}

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, row);
  return [...seen.values()];
}
