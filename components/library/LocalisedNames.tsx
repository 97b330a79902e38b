import type { Agency, Term } from '@/lib/data/schema';
import { LANGUAGE_NAMES } from './language-names';

type NamedLanguage = 'en' | 'fr' | 'es' | 'ar';
const NAME_LANGUAGES: NamedLanguage[] = ['en', 'fr', 'es', 'ar'];

/** The official name in every language the dataset has, with the agency's acronym in each. */
export function LocalisedNames({ name, acronyms }: { name: Term['name']; acronyms?: Agency['acronyms'] }) {
  const rows = NAME_LANGUAGES.filter((lang) => name[lang]);
  const showAcronyms = acronyms !== undefined;
  return (
    <section class="record-section" aria-labelledby="names-heading">
      <h2 id="names-heading">Names</h2>
      <table class="names">
        <thead>
          <tr>
            <th scope="col">Language</th>
            <th scope="col">Name</th>
            {showAcronyms && <th scope="col">Acronym</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((lang) => {
            const acronym = lang === 'ar' ? undefined : acronyms?.[lang];
            return (
              <tr key={lang}>
                <th scope="row">{LANGUAGE_NAMES[lang]}</th>
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
