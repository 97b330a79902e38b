import type { EntityKind } from '@/lib/data/schema';
import { t, type MessageKey } from '@/lib/i18n/t';

/** The message of each kind's label; also the list of kinds the library knows (see route.ts). */
export const KIND_LABEL_KEYS: Record<EntityKind, MessageKey> = {
  agency: 'kindAgency',
  publication: 'kindPublication',
  event: 'kindEvent',
  person: 'kindPerson',
  term: 'kindTerm',
  instrument: 'kindInstrument',
  initiative: 'kindInitiative',
};

/** 'Agency' for the kinds we know, the raw kind otherwise (a newer content script may send more). */
export const kindLabel = (kind: string): string => {
  const key = Object.hasOwn(KIND_LABEL_KEYS, kind) ? KIND_LABEL_KEYS[kind as EntityKind] : undefined;
  return key ? t(key) : kind;
};
