import { describe, expect, it } from 'vitest';
import { validateDataset } from '@/lib/data/validate-dataset';
import { miniDataset } from '../../fixtures/mini-dataset';

const invalid = (mutate: (d: ReturnType<typeof miniDataset>) => void) => {
  const d = miniDataset();
  mutate(d);
  const result = validateDataset(d);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
};

describe('validateDataset', () => {
  it('accepts a well-formed dataset', () => {
    const result = validateDataset(miniDataset());
    expect(result.ok).toBe(true);
  });

  it('refuses things that are not datasets with a readable message', () => {
    for (const input of [null, 42, 'text', [], {}]) {
      const result = validateDataset(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(/\S/);
    }
  });

  it('requires at least one source on every record', () => {
    const errors = invalid((d) => (d.publications[0]!.sources = []));
    expect(errors.join()).toMatch(/publications\.0\.sources.*at least one source/);
  });

  it('refuses non-http source URLs such as javascript:', () => {
    const errors = invalid((d) => (d.agencies[0]!.sources = ['javascript:alert(1)']));
    expect(errors.join()).toMatch(/agencies\.0\.sources\.0/);
  });

  it('refuses dates that are not partial ISO dates', () => {
    expect(invalid((d) => (d.events[0]!.date = 'October 2012')).join()).toMatch(/YYYY/);
    expect(invalid((d) => (d.events[0]!.date = '2012-13')).join()).toMatch(/YYYY/);
  });

  it('refuses unknown keys (strict objects), so typos in a data pack are caught', () => {
    const errors = invalid((d) => Object.assign(d.people[0]!, { nmae: 'typo' }));
    expect(errors.join()).toMatch(/people\.0/);
  });

  it('finds ids used twice, even across tables', () => {
    const errors = invalid((d) => (d.people[0]!.id = 'unodc'));
    expect(errors).toContain('people: id "unodc" is already used in agencies');
  });

  it('finds references to missing records or records of the wrong kind', () => {
    const errors = invalid((d) => {
      d.events[0]!.launched = ['no-such-paper', 'unodc'];
      d.people[0]!.agency = 'tip-protocol';
      d.agencies[1]!.forms[0]!.context = 'no-such-rule';
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'events 2012-10-vienna-legal-frameworks-launch launched: "no-such-paper" is not an id in publications',
        'events 2012-10-vienna-legal-frameworks-launch launched: "unodc" is not an id in publications',
        'people martin-fowke agency: "tip-protocol" is not an id in agencies',
        'agencies ilo form "ILO": "no-such-rule" is not an id in contextRules',
      ]),
    );
  });

  it('refuses a wrong format marker or schema version', () => {
    expect(invalid((d) => Object.assign(d, { format: 'something-else' })).length).toBeGreaterThan(0);
    expect(invalid((d) => Object.assign(d, { schemaVersion: 2 })).length).toBeGreaterThan(0);
  });

  it('caps the number of reported errors', () => {
    const errors = invalid((d) => {
      d.events[0]!.launched = Array.from({ length: 100 }, (_, i) => `missing-${i}`);
    });
    expect(errors.length).toBeLessThanOrEqual(20);
  });
});
