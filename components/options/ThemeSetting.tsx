import type { ThemeSetting as Theme } from '@/lib/settings/settings';

const CHOICES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The hover card's colours: a radio group, so every choice is visible and reachable by keyboard. */
export function ThemeSetting({ value, onChange }: { value: Theme; onChange(theme: Theme): void }) {
  return (
    <fieldset class="setting">
      <legend>Card colours</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} class="choice">
          <input
            type="radio"
            name="theme"
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
