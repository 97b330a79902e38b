import type { EntityKind } from '@/lib/data/schema';

export const KIND_LABELS: Record<EntityKind, string> = {
  agency: 'Agency',
  publication: 'Paper',
  event: 'Event',
  person: 'Person',
  term: 'Term',
  instrument: 'Instrument',
  initiative: 'Initiative',
};

/** 'Agency' for the kinds we know, the raw kind otherwise (a newer content script may send more). */
export const kindLabel = (kind: string): string => KIND_LABELS[kind as EntityKind] ?? kind;
