/**
 * UI strings in the browser's language (English, French, Spanish) through `browser.i18n` and
 * public/_locales/<lang>/messages.json. The English catalogue is also bundled here, as the one source of
 * English text: `t` falls back to it where `browser.i18n` is missing, throws (unit tests' fake browser) or
 * does not know the key. Chrome's i18n has no plural rules: plural messages are `<base>_one` /
 * `<base>_other` pairs, chosen by `pluralKey`.
 */
import { browser } from 'wxt/browser';
import en from '@/public/_locales/en/messages.json';

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type MessageKey = keyof typeof en;
export type UiLanguage = 'en' | 'fr' | 'es';

const ENGLISH: Record<MessageKey, CatalogueEntry> = en;

/**
 * `browser.i18n` with plain string keys: WXT types getMessage with the keys of the default locale's file,
 * which it finds only once the manifest names `default_locale`; MessageKey already checks the keys here.
 */
interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
}
const i18n = (): I18nApi => browser.i18n;

/** The message in the browser's language, `substitutions` filling $1..$9 (through its named placeholders). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    const message = i18n().getMessage(key, substitutions);
    if (message) return message;
  } catch {
    // Not in an extension (unit tests): use the bundled English.
  }
  return formatMessage(ENGLISH[key], typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
}

/** Chrome's substitution rules: `$name$` becomes its placeholder's content, then `$1`..`$9` and `$$`. */
export function formatMessage(entry: CatalogueEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole)
    .replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

const MARK = /\uE000(\d)\uE001/;

/**
 * The message split around its substitutions, so elements can sit in it:
 * `tParts('cardDisableOn', [<span dir="auto">{site}</span>])` gives `['Disable on ', <span>…</span>]`.
 */
export function tParts<T>(key: MessageKey, parts: readonly T[]): (string | T)[] {
  const text = t(key, parts.map((_, i) => `\uE000${i}\uE001`));
  return text
    .split(MARK)
    .map((piece, i) => (i % 2 === 1 ? parts[Number(piece)]! : piece))
    .filter((piece) => piece !== '');
}

type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
}[MessageKey];

const pluralRules = new Map<UiLanguage, Intl.PluralRules>();

/** `mentionCount_one` or `mentionCount_other`, by the UI language's plural rule for `count`. */
export function pluralKey(base: PluralBase, count: number): MessageKey {
  const language = uiLanguage();
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return `${base}_${rules.select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
}

/**
 * The language the UI is shown in, for `lang` attributes: the language of the messages the browser picked
 * (its UI language when we have that locale, English otherwise), read from the catalogue itself so the
 * attribute always matches the text. English outside an extension.
 */
export function uiLanguage(): UiLanguage {
  const code = t('languageCode');
  return code === 'fr' || code === 'es' ? code : 'en';
}
