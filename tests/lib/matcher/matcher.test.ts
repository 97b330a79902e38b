import { describe, expect, it } from 'vitest';
import type { TermIndex } from '@/lib/library/term-index';
import { compileMatcher } from '@/lib/matcher/matcher';
import { mentions } from '../../helpers/bundled-matcher';

/** A tiny hand-made index, for rules that do not depend on the dataset. */
function tinyMatcher(forms: { text: string; caseSensitive?: boolean; context?: string }[], rules: TermIndex['rules'] = []) {
  const index: TermIndex = {
    datasetVersion: 't',
    entities: forms.map((f, i) => ({ id: `e${i}`, kind: 'term', name: f.text })),
    forms: forms.map((f, i) => ({ text: f.text, entity: i, caseSensitive: f.caseSensitive ?? false, lang: 'en', context: f.context })),
    rules,
  };
  const matcher = compileMatcher(index);
  return (text: string) => matcher.findMatches(text).map((m) => text.slice(m.start, m.end));
}

describe('matcher: agencies in three languages', () => {
  it.each([
    ['The UNODC and the ILO met IOM officials.', [['unodc', 'UNODC'], ['ilo', 'ILO'], ['iom', 'IOM']]],
    ['La OIT y la OIM, con ACNUR y ONU Mujeres.', [['ilo', 'OIT'], ['iom', 'OIM'], ['unhcr', 'ACNUR'], ['un-women', 'ONU Mujeres']]],
    ["Selon l'ONUDC et l'OIT, ONU Femmes et l'UNICEF…", [['unodc', 'ONUDC'], ['ilo', 'OIT'], ['un-women', 'ONU Femmes'], ['unicef', 'UNICEF']]],
    ['the International Labour Organization and the International Labor Organization', [['ilo', 'International Labour Organization'], ['ilo', 'International Labor Organization']]],
    ['Organización Internacional para las Migraciones', [['iom', 'Organización Internacional para las Migraciones']]],
    ['UNHCR, OHCHR, UNAIDS, OSCE and ICMPD', [['unhcr', 'UNHCR'], ['ohchr', 'OHCHR'], ['unaids', 'UNAIDS'], ['osce', 'OSCE'], ['icmpd', 'ICMPD']]],
  ])('%s', async (text, expected) => {
    expect(await mentions(text)).toEqual(expected);
  });
});

describe('matcher: terms and instruments', () => {
  it.each([
    ['victims of human trafficking and trafficking in persons', [['trafficking-in-persons', 'human trafficking'], ['trafficking-in-persons', 'trafficking in persons']]],
    ['la trata de personas y la traite des personnes', [['trafficking-in-persons', 'trata de personas'], ['trafficking-in-persons', 'traite des personnes']]],
    ['forced labour, forced labor, travail forcé, trabajo forzoso', [['forced-labour', 'forced labour'], ['forced-labour', 'forced labor'], ['forced-labour', 'travail forcé'], ['forced-labour', 'trabajo forzoso']]],
    ['debt bondage and modern slavery', [['debt-bondage', 'debt bondage'], ['modern-slavery', 'modern slavery']]],
  ])('%s', async (text, expected) => {
    expect(await mentions(text)).toEqual(expected);
  });

  it('prefers the longest form at the same start (leftmost-longest)', async () => {
    const text = 'the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, adopted';
    expect(await mentions(text)).toEqual([
      ['tip-protocol', 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children'],
    ]);
  });

  it('finds an ICAT paper by its title and by its nickname', async () => {
    const found = await mentions('ICAT launched the Demand paper, formally "Preventing trafficking in persons by addressing demand".');
    expect(found.map(([id]) => id)).toContain('icat-policy-paper-2-demand');
    expect(found).toContainEqual(['icat-policy-paper-2-demand', 'Demand paper']);
  });

  it('finds people by their full names', async () => {
    expect(await mentions('Martin Fowke of UNODC moderated.')).toEqual([
      ['martin-fowke', 'Martin Fowke'],
      ['unodc', 'UNODC'],
    ]);
  });
});

describe('matcher: case rules', () => {
  it('matches acronyms only in their exact case', async () => {
    expect(await mentions('ilo, Ilo, iLO and unodc are not agencies here')).toEqual([]);
    expect(await mentions('Unodc')).toEqual([]);
  });

  it('matches phrases in any case', async () => {
    expect(await mentions('HUMAN TRAFFICKING and Human Trafficking')).toEqual([
      ['trafficking-in-persons', 'HUMAN TRAFFICKING'],
      ['trafficking-in-persons', 'Human Trafficking'],
    ]);
  });
});

describe('matcher: word boundaries', () => {
  it('does not match inside words, in any script', async () => {
    expect(await mentions('Iloilo City, SILO, exploitation, ILOs-x, xUNODC, UNODCx, UNODC2')).toEqual([]);
    expect(await mentions('КUNODC and UNODCж')).toEqual([]);
  });

  it('treats punctuation, brackets and quotes as boundaries', async () => {
    expect((await mentions('(UNODC) [ILO] "IOM" «OIT» UNODC-led UNODC/ILO')).map(([, t]) => t)).toEqual([
      'UNODC', 'ILO', 'IOM', 'OIT', 'UNODC', 'UNODC', 'ILO',
    ]);
  });

  it('leaves a possessive outside the match and accepts natural plurals of phrases', async () => {
    expect(await mentions("UNODC's and UNODC’s report")).toEqual([
      ['unodc', 'UNODC'],
      ['unodc', 'UNODC'],
    ]);
    const find = tinyMatcher([{ text: 'issue paper' }]);
    expect(find('two issue papers and one issue paper')).toEqual(['issue papers', 'issue paper']);
    expect(find('issue paperss')).toEqual([]);
  });

  it('does not pluralise acronyms', async () => {
    expect(await mentions('the UNODCs of this world')).toEqual([]);
  });
});

describe('matcher: folding', () => {
  it('folds no-break spaces, runs of whitespace and line breaks', async () => {
    expect(await mentions('UN\u00a0Women, UN   Women, UN\nWomen, UN\u202fWomen')).toHaveLength(4);
    expect(await mentions('trafficking\u00a0 \t in\n persons')).toEqual([['trafficking-in-persons', 'trafficking\u00a0 \t in\n persons']]);
  });

  it('ignores soft hyphens and zero-width characters inside a word', async () => {
    expect(await mentions('UNO\u00adDC and UN\u200bODC and traf\u00adficking in persons')).toEqual([
      ['unodc', 'UNO\u00adDC'],
      ['unodc', 'UN\u200bODC'],
      ['trafficking-in-persons', 'traf\u00adficking in persons'],
    ]);
  });

  it('folds curly and straight apostrophes and quotes, hyphens and dashes', () => {
    const find = tinyMatcher([{ text: "Heads' Call" }, { text: 'Inter-Agency Group' }]);
    expect(find('the Heads’ Call and the Heads\' Call')).toEqual(['Heads’ Call', "Heads' Call"]);
    expect(find('Inter‑Agency Group, Inter–Agency Group, Inter-Agency Group')).toHaveLength(3);
  });

  it('matches accented forms in text written without accents, and decomposed accents', async () => {
    expect(await mentions('travail force et Organizacion Internacional del Trabajo')).toEqual([
      ['forced-labour', 'travail force'],
      ['ilo', 'Organizacion Internacional del Trabajo'],
    ]);
    expect(await mentions('travail force\u0301')).toEqual([['forced-labour', 'travail force\u0301']]);
  });
});

describe('matcher: ambiguity rules from the dataset', () => {
  it.each([
    ['IOM as the Isle of Man', 'Tynwald, the parliament of the Isle of Man (IOM), met in Douglas.'],
    ['IOM as the Institute of Medicine', 'A 2011 IOM report from the Institute of Medicine on health care.'],
    ['Ilo the Peruvian port', 'La Capitanía del Puerto de ILO cerró el puerto en Moquegua.'],
    ['INTERPOL the band', 'Interpol, the band fronted by singer Paul Banks, announced a tour.'],
    ['ICAT the data catalogue', 'The ICAT metadata catalogue stores experiment data at ISIS.'],
    ['ICAT the architecture congress', 'ICAT 2018, the International Congress on Architectural Technology in Belfast.'],
    ['trafic as drug trafficking', 'Le trafic de drogue et le trafic d\u2019armes.'],
    ['tráfico as migrant smuggling', 'el tráfico ilícito de migrantes por mar'],
  ])('does not highlight %s', async (_, text) => {
    const found = await mentions(text);
    expect(found.filter(([id]) => ['iom', 'ilo', 'interpol', 'icat', 'trafficking-in-persons'].includes(id))).toEqual([]);
  });

  it.each([
    ['IOM in a trafficking story', 'IOM helped victims of trafficking return home.', ['iom', 'IOM']],
    ['ICAT near trafficking words', 'ICAT, which coordinates UN work against trafficking, met in Vienna.', ['icat', 'ICAT']],
    ['INTERPOL the police organisation', 'INTERPOL coordinated an operation against human trafficking.', ['interpol', 'INTERPOL']],
  ])('highlights %s', async (_, text, expected) => {
    expect(await mentions(text)).toContainEqual(expected);
  });

  it('does not take a drug trafficking story for trafficking in persons', async () => {
    expect(await mentions('Drug trafficking, arms trafficking and wildlife trafficking rose.')).toEqual([]);
  });

  it('uses extra context such as the page title', async () => {
    expect(await mentions('IOM said on Tuesday.', 'Isle of Man Today')).toEqual([]);
    expect(await mentions('IOM said on Tuesday.', 'Migration news')).toEqual([['iom', 'IOM']]);
  });

  it('never highlights a form whose rule is missing (when in doubt, do not highlight)', () => {
    const find = tinyMatcher([{ text: 'IOM', caseSensitive: true, context: 'not-in-the-index' }]);
    expect(find('IOM')).toEqual([]);
  });
});

describe('matcher: offsets', () => {
  it('gives offsets that slice back to the text as written', async () => {
    const text = '  \u00a0The\u00adUNODC … UN\u00a0Women’s “forced\u2011labour”? Palermo Protocol.';
    const { matcher } = await import('../../helpers/bundled-matcher').then((m) => m.bundledMatcher());
    for (const m of matcher.findMatches(text)) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(m.start, m.end).trim()).toBe(text.slice(m.start, m.end));
    }
  });

  it('returns non-overlapping matches sorted by start', async () => {
    const { matcher } = await import('../../helpers/bundled-matcher').then((m) => m.bundledMatcher());
    const text = 'UNODC UNODC trafficking in persons Trafficking in Persons Protocol ILO';
    const found = matcher.findMatches(text);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });
});
