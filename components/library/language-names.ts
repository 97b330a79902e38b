import type { Language } from '@/lib/data/schema';
import { t, type MessageKey } from '@/lib/i18n/t';

/** Display order and names of the dataset's languages; 'mul' marks forms used in any language (acronyms). */
export const LANGUAGE_ORDER: Language[] = ['en', 'fr', 'es', 'ar', 'mul'];

const LANGUAGE_NAMES: Record<Language, MessageKey> = {
  en: 'languageEnglish',
  fr: 'languageFrench',
  es: 'languageSpanish',
  ar: 'languageArabic',
  mul: 'languageAny',
};

/** 'French', in the UI's language. */
export const languageName = (lang: Language): string => t(LANGUAGE_NAMES[lang]);
