import { HIGHLIGHT_KINDS, type HighlightKind, type HighlightStyle, type HoverDelay, type Settings } from '@/lib/settings/settings';

const KIND_LABELS: Record<HighlightKind, string> = {
  agency: 'Agencies',
  term: 'Terms, instruments and initiatives',
  publication: 'ICAT papers and events',
  person: 'People',
};
const STYLES: { value: HighlightStyle; label: string }[] = [
  { value: 'tint-underline', label: 'Tint and dotted underline' },
  { value: 'underline', label: 'Underline only' },
  { value: 'tint', label: 'Tint only' },
];
const DELAYS: { value: HoverDelay; label: string }[] = [
  { value: 'short', label: 'Short (0.3 s)' },
  { value: 'normal', label: 'Normal (0.5 s)' },
  { value: 'long', label: 'Long (0.9 s)' },
];

type Change = Partial<Pick<Settings, 'highlightKinds' | 'highlightStyle' | 'hoverDelay'>>;

/** What is highlighted, how it looks, and how long the pointer rests before a card shows. */
export function HighlightSettings({ settings, onChange }: { settings: Settings; onChange(change: Change): void }) {
  const toggleKind = (kind: HighlightKind, on: boolean) =>
    onChange({ highlightKinds: HIGHLIGHT_KINDS.filter((k) => (k === kind ? on : settings.highlightKinds.includes(k))) });
  return (
    <>
      <fieldset class="setting">
        <legend>Highlight</legend>
        {HIGHLIGHT_KINDS.map((kind) => (
          <label key={kind} class="choice">
            <input type="checkbox" checked={settings.highlightKinds.includes(kind)} onChange={(e) => toggleKind(kind, e.currentTarget.checked)} />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset class="setting">
        <legend>Highlight style</legend>
        {STYLES.map((style) => (
          <label key={style.value} class="choice">
            <input type="radio" name="highlight-style" checked={settings.highlightStyle === style.value} onChange={() => onChange({ highlightStyle: style.value })} />
            {style.label}
          </label>
        ))}
      </fieldset>
      <fieldset class="setting">
        <legend>Show a card after the pointer rests</legend>
        {DELAYS.map((delay) => (
          <label key={delay.value} class="choice">
            <input type="radio" name="hover-delay" checked={settings.hoverDelay === delay.value} onChange={() => onChange({ hoverDelay: delay.value })} />
            {delay.label}
          </label>
        ))}
      </fieldset>
      <p class="muted">
        Keyboard: the shortcut Alt+Shift+L lists the mentions on a page; change it in your browser's extension shortcut
        settings.
      </p>
    </>
  );
}
