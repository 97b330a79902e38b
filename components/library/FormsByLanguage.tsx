import type { Language, SurfaceForm } from '@/lib/data/schema';
import { t } from '@/lib/i18n/t';
import { languageName, LANGUAGE_ORDER } from './language-names';

/** The ways the entity is written that ICAT Lens recognises on pages, grouped by language. */
export function FormsByLanguage({ forms }: { forms: readonly SurfaceForm[] }) {
  const groups = groupByLanguage(forms);
  if (groups.length === 0) return null;
  return (
    <section class="record-section" aria-labelledby="forms-heading">
      <h2 id="forms-heading">{t('formsHeading')}</h2>
      <dl class="forms">
        {groups.map(([lang, group]) => (
          <div key={lang} class="fact">
            <dt>{languageName(lang)}</dt>
            <dd>
              <ul class="form-list">
                {group.map((form) => (
                  <li key={form.text} lang={lang === 'mul' ? undefined : lang} dir="auto">
                    {form.text}
                    {form.context && (
                      <span class="muted" title={t('formInContextTitle')}>
                        {' '}
                        {t('formInContext')}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function groupByLanguage(forms: readonly SurfaceForm[]): [Language, SurfaceForm[]][] {
  const groups = new Map<Language, SurfaceForm[]>();
  for (const form of forms) {
    const group = groups.get(form.lang) ?? [];
    // Case variants ('ONUDC', 'Onudc') are separate forms for the matcher but one form to a reader.
    if (!group.some((f) => f.text === form.text)) group.push(form);
    groups.set(form.lang, group);
  }
  return LANGUAGE_ORDER.filter((lang) => groups.has(lang)).map((lang) => [lang, groups.get(lang)!]);
}
