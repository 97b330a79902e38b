import { describe, expect, it } from 'vitest';
import { memoryRecordSource } from '@/lib/library/memory-record-source';
import { buildTermIndex } from '@/lib/library/term-index';
import { miniDataset } from '../../fixtures/mini-dataset';

const source = memoryRecordSource(miniDataset());

describe('buildTermIndex', () => {
  it('lists every surface form with its entity, case rule and context rule', async () => {
    const index = await buildTermIndex(source, '2026.11.30');
    expect(index.datasetVersion).toBe('2026.11.30');
    const formsOf = (id: string) => {
      const entity = index.entities.findIndex((e) => e.id === id);
      return index.forms.filter((f) => f.entity === entity);
    };
    expect(formsOf('ilo')).toEqual([
      { text: 'ILO', entity: expect.any(Number), caseSensitive: true, lang: 'mul', context: 'ilo-agency' },
      { text: 'OIT', entity: expect.any(Number), caseSensitive: true, lang: 'es' },
    ]);
    expect(formsOf('icat-policy-paper-2-demand').map((f) => f.text)).toEqual(['Demand paper']);
    expect(index.entities.find((e) => e.id === 'unodc')).toEqual({
      id: 'unodc',
      kind: 'agency',
      name: 'United Nations Office on Drugs and Crime (UNODC)',
    });
    expect(index.rules).toEqual([{ id: 'ilo-agency', window: 12, requireAny: [], rejectAny: ['peru', 'moquegua', 'puerto'] }]);
  });

  it('leaves out records that have no surface forms (nothing to detect)', async () => {
    const index = await buildTermIndex(source, 'v');
    expect(index.entities.map((e) => e.id)).not.toContain('icat-policy-paper-1-legal-frameworks');
    expect(index.forms.every((f) => index.entities[f.entity] !== undefined)).toBe(true);
  });
});
