import type { Language } from '@/lib/data/schema';

/** Display order and names of the dataset's languages; 'mul' marks forms used in any language (acronyms). */
export const LANGUAGE_ORDER: Language[] = ['en', 'fr', 'es', 'ar', 'mul'];

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ar: 'Arabic',
  mul: 'Any language',
};
