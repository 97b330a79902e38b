/**
 * The bundled dataset: valid, complete against the project's fact sources, and written in our own words.
 * The facts file lives beside the repository (../shared/data) on project machines and in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '@/lib/data/schema';
import { validateDataset } from '@/lib/data/validate-dataset';

const raw = JSON.parse(readFileSync(resolve('assets/data/icat-library.json'), 'utf8'));
const result = validateDataset(raw);
const dataset = (result.ok ? result.dataset : raw) as Dataset;

const FACTS_PATH = resolve('../shared/data/icat-facts.json');
const facts = existsSync(FACTS_PATH) ? JSON.parse(readFileSync(FACTS_PATH, 'utf8')) : null;

const byId = <T extends { id: string }>(rows: T[], id: string) => rows.find((r) => r.id === id);

describe('bundled dataset', () => {
  it('passes the schema and every cross-reference check', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('holds the five events of the ICAT events page with what was launched there', () => {
    const event = (year: string, city: string) =>
      dataset.events.filter((e) => e.date?.startsWith(year) && e.city?.startsWith(city));
    expect(event('2010-12', 'Vienna').flatMap((e) => e.launched)).toContain('icat-2010-analytical-review');
    expect(event('2011', 'Geneva').length).toBeGreaterThan(0);
    expect(event('2012-05', 'New York').flatMap((e) => e.launched)).toContain('icat-2012-overview-next-decade');
    expect(event('2012-10', 'Vienna').flatMap((e) => e.launched)).toContain('icat-policy-paper-1-legal-frameworks');
    expect(event('2014', 'Vienna').flatMap((e) => e.launched)).toContain('icat-policy-paper-2-demand');
  });

  it('names the agencies of the events page, including the co-sponsors', () => {
    const geneva = dataset.events.find((e) => e.date?.startsWith('2011') && e.city === 'Geneva')!;
    expect([...geneva.agencies].sort()).toEqual(
      ['ilo', 'interpol', 'iom', 'ohchr', 'unaids', 'unhcr', 'unicef', 'unodc', 'un-women'].sort(),
    );
    const newYork = dataset.events.find((e) => e.date === '2012-05' && e.city === 'New York')!;
    const sponsors = newYork.agencies.map((id) => byId(dataset.agencies, id)?.role);
    expect(sponsors.filter((r) => r === 'co-sponsor')).toHaveLength(2); // ASEAN and the Mission of Sweden
  });

  it('holds the six people of the 2012 Vienna launch with their roles and agencies', () => {
    const vienna = dataset.events.find((e) => e.launched.includes('icat-policy-paper-1-legal-frameworks'))!;
    const people = vienna.participants.map((p) => ({ ...p, person: byId(dataset.people, p.person)! }));
    const names = people.map((p) => p.person.name).sort();
    expect(names).toEqual(
      ['Hans Lundborg', 'Houtan Homayounpour', 'Jonathan Martens', 'Martin Fowke', 'Sabine Okonkwo', 'Susu Thatun'].sort(),
    );
    const agencyOf = (name: string) => people.find((p) => p.person.name === name)!.person.agency;
    expect(agencyOf('Susu Thatun')).toBe('unicef');
    expect(agencyOf('Sabine Okonkwo')).toBe('unhcr');
    expect(agencyOf('Houtan Homayounpour')).toBe('ilo');
    expect(agencyOf('Martin Fowke')).toBe('unodc');
    expect(agencyOf('Jonathan Martens')).toBe('iom');
    expect(people.find((p) => p.person.name === 'Hans Lundborg')!.role).toMatch(/chair/i);
  });

  it('records where the sources disagree (fifth or sixth Conference of the Parties)', () => {
    const vienna = dataset.events.find((e) => e.launched.includes('icat-policy-paper-1-legal-frameworks'))!;
    expect(vienna.notes.join(' ')).toMatch(/fifth/i);
    expect(vienna.notes.join(' ')).toMatch(/sixth/i);
  });

  it('gives every agency and term surface forms, with acronyms matched case-sensitively', () => {
    for (const record of [...dataset.agencies, ...dataset.terms]) {
      expect(record.forms.length, record.id).toBeGreaterThan(0);
      for (const form of record.forms) {
        const isAcronym = /^[A-Z][A-Z0-9.\-]{1,}$/.test(form.text) && form.text === form.text.toUpperCase();
        if (isAcronym) expect(form.caseSensitive, `${record.id}: ${form.text}`).toBe(true);
      }
    }
    const ilo = byId(dataset.agencies, 'ilo')!;
    expect(ilo.forms.some((f) => f.text.toLowerCase() === 'ilo' && !f.caseSensitive)).toBe(false);
    expect(ilo.forms.map((f) => f.text)).toEqual(expect.arrayContaining(['ILO', 'OIT']));
    expect(byId(dataset.agencies, 'iom')!.forms.find((f) => f.text === 'IOM')?.context).toBeTruthy();
  });

  it('has English, French and Spanish forms for the core agencies and terms', () => {
    const langs = (id: string) => new Set([...dataset.agencies, ...dataset.terms].find((r) => r.id === id)!.forms.map((f) => f.lang));
    for (const id of ['ilo', 'iom', 'unodc', 'trafficking-in-persons', 'forced-labour']) {
      const l = langs(id);
      expect(l.has('fr') || l.has('mul'), id).toBe(true);
      expect(l.has('es') || l.has('mul'), id).toBe(true);
    }
    const tip = byId(dataset.terms, 'trafficking-in-persons')!.forms.map((f) => f.text.toLowerCase());
    expect(tip).toEqual(expect.arrayContaining(['trafficking in persons', 'traite des personnes', 'trata de personas']));
  });
});

describe.skipIf(!facts)('bundled dataset against ../shared/data/icat-facts.json', () => {
  it('holds every sourced publication, member and term under its id, with sources', () => {
    const sourced = (rows: { id: string; sources?: string[]; membership_sources?: string[] }[]) =>
      rows.filter((r) => (r.sources ?? r.membership_sources ?? []).length > 0).map((r) => r.id);
    for (const id of sourced(facts.publications)) expect(byId(dataset.publications, id), id).toBeDefined();
    for (const id of sourced(facts.members)) expect(byId(dataset.agencies, id), id).toBeDefined();
    for (const id of sourced(facts.terms)) expect(byId(dataset.terms, id), id).toBeDefined();
  });

  it('holds every sourced event (same month, at least one shared source)', () => {
    for (const e of facts.events as { date: string; title: string; sources: string[] }[]) {
      const month = e.date.slice(0, 7).replace(/[^\d-]/g, '');
      const match = dataset.events.find(
        (d) => (d.date ?? '').startsWith(month.slice(0, 4)) && d.sources.some((s) => e.sources.includes(s)),
      );
      expect(match, e.title).toBeDefined();
    }
    expect(dataset.events.length).toBeGreaterThanOrEqual(facts.events.length);
  });

  it('holds every ambiguity', () => {
    expect(dataset.ambiguities.length).toBeGreaterThanOrEqual(facts.ambiguities.length);
  });

  it("describes records in our own words, not the facts file's summaries", () => {
    const summaries = (facts.publications as { summary: string }[]).map((p) => p.summary.toLowerCase());
    for (const p of dataset.publications) {
      const ours = p.description.toLowerCase();
      for (const summary of summaries) expect(ours.includes(summary) || summary.includes(ours), p.id).toBe(false);
    }
  });
});
