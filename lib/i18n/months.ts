import type { MessageKey } from './t';

/** Message keys of the short month names, January first: dates follow the UI language, not the system's. */
export const SHORT_MONTH_KEYS: readonly MessageKey[] = [
  'monthShortJanuary',
  'monthShortFebruary',
  'monthShortMarch',
  'monthShortApril',
  'monthShortMay',
  'monthShortJune',
  'monthShortJuly',
  'monthShortAugust',
  'monthShortSeptember',
  'monthShortOctober',
  'monthShortNovember',
  'monthShortDecember',
];
