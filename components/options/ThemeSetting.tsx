import { t, type MessageKey } from '@/lib/i18n/t';
import type { ThemeSetting as Theme } from '@/lib/settings/settings';

const CHOICES: { value: Theme; label: MessageKey }[] = [
  { value: 'system', label: 'themeSystem' },
  { value: 'light', label: 'themeLight' },
  { value: 'dark', label: 'themeDark' },
];

/** The hover card's colours: a radio group, so every choice is visible and reachable by keyboard. */
export function ThemeSetting({ value, onChange }: { value: Theme; onChange(theme: Theme): void }) {
  return (
    <fieldset class="setting">
      <legend>{t('themeLegend')}</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} class="choice">
          <input
            type="radio"
            name="theme"
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {t(choice.label)}
        </label>
      ))}
    </fieldset>
  );
}
