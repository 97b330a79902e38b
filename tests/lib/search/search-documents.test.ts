import { describe, expect, it } from 'vitest';
import { toStoredEvent } from '@/lib/db/records';
import { summarize, type EntityRecord } from '@/lib/library/entity';
import {
  documentsFrom,
  foldPhrase,
  foldText,
  type SearchDocument,
} from '@/lib/search/search-documents';
import { bundledDataset } from '../../helpers/bundled-matcher';

const dataset = bundledDataset();
const documents = documentsFrom(dataset);
const doc = (id: string): SearchDocument => {
  const found = documents.find((d) => d.id === id);
  if (!found) throw new Error(`no document ${id}`);
  return found;
};

describe('documentsFrom', () => {
  it('makes one document per agency, publication, event, person and term, with unique ids', () => {
    const { agencies, publications, events, people, terms } = dataset;
    expect(documents).toHaveLength(agencies.length + publications.length + events.length + people.length + terms.length);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
  });

  it('carries exactly the summary that `summarize` gives the UI', () => {
    const entities: EntityRecord[] = [
      ...dataset.agencies.map((record) => ({ kind: 'agency' as const, record })),
      ...dataset.publications.map((record) => ({ kind: 'publication' as const, record })),
      ...dataset.events.map((record) => ({ kind: 'event' as const, record: toStoredEvent(record) })),
      ...dataset.people.map((record) => ({ kind: 'person' as const, record })),
      ...dataset.terms.map((record) => ({ kind: record.kind, record })),
    ];
    for (const entity of entities) {
      const summary = summarize(entity);
      const d = doc(summary.id);
      expect({ id: d.id, kind: d.kind, title: d.title, subtitle: d.subtitle, date: d.date, city: d.city }).toEqual({
        subtitle: undefined,
        date: undefined,
        city: undefined,
        ...summary,
      });
    }
  });

  it('maps an agency: names in other languages, acronyms once each, the other surface forms, its own id', () => {
    const ilo = doc('ilo');
    expect(ilo).toMatchObject({ kind: 'agency', title: 'International Labour Organization', subtitle: 'ILO' });
    expect(ilo.names).toEqual([
      { lang: 'fr', text: 'Organisation internationale du Travail' },
      { lang: 'es', text: 'Organización Internacional del Trabajo' },
    ]);
    expect(ilo.acronyms).toEqual(['ILO', 'OIT']);
    expect(ilo.forms).toContain('Bureau international du Travail');
    expect(ilo.forms).toContain('International Labour Organisation');
    // Forms already present as the title, a name or an acronym are not repeated.
    expect(ilo.forms).not.toContain('International Labour Organization');
    expect(ilo.forms).not.toContain('Organisation internationale du Travail');
    expect(ilo.forms).not.toContain('OIT');
    expect(ilo.roles[0]).toMatch(/founding participants/);
    expect(ilo.description).toMatch(/labour standards/);
    expect(ilo.agencies).toEqual(['ilo']);
    expect(ilo.terms).toEqual([]);
    expect(ilo.year).toBeUndefined();
  });

  it('takes acronym-like surface forms of terms as acronyms, and folds case duplicates away', () => {
    const tip = doc('trafficking-in-persons');
    expect(tip.acronyms).toEqual(['THB', 'TIP']);
    expect(tip.forms).not.toContain('TiP');
    expect(tip.forms).toContain('human trafficking');
    expect(tip.forms).toContain('trata de seres humanos');
    expect(tip.names.map((n) => n.text)).toEqual(['Traite des personnes', 'Trata de personas']);
    expect(tip.type).toBe('Term');
    expect(tip.terms).toEqual(['trafficking-in-persons']);
    expect(doc('untoc').acronyms).toEqual(expect.arrayContaining(['UNTOC', 'UNCTOC', 'CNUCTO']));
    expect(doc('cop-untoc').acronyms).toEqual(['CTOC/COP']);
  });

  it('maps a publication: type and number, year, variants, related agencies and terms', () => {
    const paper = doc('icat-policy-paper-2-demand');
    expect(paper).toMatchObject({
      kind: 'publication',
      title: 'Preventing trafficking in persons by addressing demand',
      subtitle: 'Policy paper 2',
      type: 'Policy paper 2',
      date: '2014-09',
      year: 2014,
    });
    const record = dataset.publications.find((p) => p.id === 'icat-policy-paper-2-demand')!;
    expect(paper.terms).toEqual(record.terms);
    expect(paper.agencies).toEqual(record.agencies);
    expect(doc('icat-policy-paper-1-legal-frameworks').variants).toEqual([
      'The International Legal Framework Relating to Trafficking in Persons',
    ]);
    expect(doc('icat-toolkit-design-evaluation').year).toBeUndefined();
  });

  it("maps an event: city, kind, year, and its participants' names with their roles", () => {
    const launch = doc('2012-10-vienna-legal-frameworks-launch');
    expect(launch).toMatchObject({ kind: 'event', city: 'Vienna', type: 'Launch', year: 2012 });
    expect(launch.roles).toContain('Hans Lundborg (Chair)');
    expect(launch.roles).toContain('Jonathan Martens (Panellist (IOM))');
    expect(launch.agencies.length).toBeGreaterThan(0);
  });

  it("maps a person: name as title, role as subtitle and searchable role, the person's agency", () => {
    const person = doc('ghada-waly');
    expect(person).toMatchObject({ kind: 'person', title: 'Ghada Waly', subtitle: 'UNODC Executive Director' });
    expect(person.roles).toEqual(['UNODC Executive Director']);
    expect(person.agencies).toEqual(['unodc']);
    expect(person.forms).toEqual([]);
  });

  it('accepts records from a RecordSource (stored events) as well as a dataset', () => {
    const fromRows = documentsFrom({ ...dataset, events: dataset.events.map(toStoredEvent) });
    expect(fromRows).toEqual(documents);
  });
});

describe('folding', () => {
  it('lower-cases, strips accents and folds ligatures', () => {
    expect(foldText('Organización')).toBe('organizacion');
    expect(foldText('ÉTRES')).toBe('etres');
    expect(foldText('Cœur')).toBe('coeur');
    expect(foldText('Siobhán')).toBe('siobhan');
    expect(foldText('UNODC')).toBe('unodc');
  });

  it('folds a phrase to single-spaced words', () => {
    expect(foldPhrase("  Traite  d'êtres HUMAINS ")).toBe('traite d etres humains');
    expect(foldPhrase('CTOC/COP')).toBe('ctoc cop');
    expect(foldPhrase('!!!')).toBe('');
  });
});
