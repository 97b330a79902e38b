/**
 * Dataset dates are partial ISO dates ('2010', '2010-12', '2010-12-13'). Written out with the UI language's
 * month names and date order from messages.json ('13 December 2010', '13 décembre 2010', '13 de diciembre de
 * 2010'), not toLocaleDateString: the page follows the extension's language, and its tests stay fixed.
 */
import { t, type MessageKey } from '@/lib/i18n/t';

const MONTHS: MessageKey[] = [
  'monthJanuary',
  'monthFebruary',
  'monthMarch',
  'monthApril',
  'monthMay',
  'monthJune',
  'monthJuly',
  'monthAugust',
  'monthSeptember',
  'monthOctober',
  'monthNovember',
  'monthDecember',
];

export function formatPartialDate(date: string): string {
  const [year = date, month, day] = date.split('-');
  const monthKey = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthKey) return year;
  const monthName = t(monthKey);
  if (!day) return t('dateMonthYear', [monthName, year]);
  return t('dateDayMonthYear', [Number(day) === 1 ? t('dateFirstDay') : String(Number(day)), monthName, year]);
}
