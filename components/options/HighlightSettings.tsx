import { t, type MessageKey } from '@/lib/i18n/t';
import { HIGHLIGHT_KINDS, type HighlightKind, type HighlightStyle, type HoverDelay, type Settings } from '@/lib/settings/settings';

const KIND_LABELS: Record<HighlightKind, MessageKey> = {
  agency: 'labelAgencies',
  term: 'highlightTerms',
  publication: 'highlightPublications',
  person: 'labelPeople',
};
const STYLES: { value: HighlightStyle; label: MessageKey }[] = [
  { value: 'tint-underline', label: 'styleTintUnderline' },
  { value: 'underline', label: 'styleUnderline' },
  { value: 'tint', label: 'styleTint' },
];
const DELAYS: { value: HoverDelay; label: MessageKey }[] = [
  { value: 'short', label: 'delayShort' },
  { value: 'normal', label: 'delayNormal' },
  { value: 'long', label: 'delayLong' },
];

type Change = Partial<Pick<Settings, 'highlightKinds' | 'highlightStyle' | 'hoverDelay'>>;

/** What is highlighted, how it looks, and how long the pointer rests before a card shows. */
export function HighlightSettings({ settings, onChange }: { settings: Settings; onChange(change: Change): void }) {
  const toggleKind = (kind: HighlightKind, on: boolean) =>
    onChange({ highlightKinds: HIGHLIGHT_KINDS.filter((k) => (k === kind ? on : settings.highlightKinds.includes(k))) });
  return (
    <>
      <fieldset class="setting">
        <legend>{t('highlightLegend')}</legend>
        {HIGHLIGHT_KINDS.map((kind) => (
          <label key={kind} class="choice">
            <input type="checkbox" checked={settings.highlightKinds.includes(kind)} onChange={(e) => toggleKind(kind, e.currentTarget.checked)} />
            {t(KIND_LABELS[kind])}
          </label>
        ))}
      </fieldset>
      <fieldset class="setting">
        <legend>{t('highlightStyleLegend')}</legend>
        {STYLES.map((style) => (
          <label key={style.value} class="choice">
            <input type="radio" name="highlight-style" checked={settings.highlightStyle === style.value} onChange={() => onChange({ highlightStyle: style.value })} />
            {t(style.label)}
          </label>
        ))}
      </fieldset>
      <fieldset class="setting">
        <legend>{t('delayLegend')}</legend>
        {DELAYS.map((delay) => (
          <label key={delay.value} class="choice">
            <input type="radio" name="hover-delay" checked={settings.hoverDelay === delay.value} onChange={() => onChange({ hoverDelay: delay.value })} />
            {t(delay.label)}
          </label>
        ))}
      </fieldset>
      <p class="muted">{t('keyboardHint')}</p>
    </>
  );
}
