import type { Agency, Term } from '@/lib/data/schema';
import { t } from '@/lib/i18n/t';
import { languageName } from './language-names';

type NamedLanguage = 'en' | 'fr' | 'es' | 'ar';
const NAME_LANGUAGES: NamedLanguage[] = ['en', 'fr', 'es', 'ar'];

/** The official name in every language the dataset has, with the agency's acronym in each. */
export function LocalisedNames({ name, acronyms }: { name: Term['name']; acronyms?: Agency['acronyms'] }) {
  const rows = NAME_LANGUAGES.filter((lang) => name[lang]);
  const showAcronyms = acronyms !== undefined;
  return (
    <section class="record-section" aria-labelledby="names-heading">
      <h2 id="names-heading">{t('namesHeading')}</h2>
      <table class="names">
        <thead>
          <tr>
            <th scope="col">{t('columnLanguage')}</th>
            <th scope="col">{t('columnName')}</th>
            {showAcronyms && <th scope="col">{t('columnAcronym')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((lang) => {
            const acronym = lang === 'ar' ? undefined : acronyms?.[lang];
            return (
              <tr key={lang}>
                <th scope="row">{languageName(lang)}</th>
                <td lang={lang} dir="auto">
                  {name[lang]}
                </td>
                {showAcronyms && (
                  <td lang={lang} dir="auto">
                    {acronym ?? '—'}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
