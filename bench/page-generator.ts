/**
 * Deterministic news-like pages for the bench: a front page of many articles (headline, byline, paragraphs
 * with inline markup, lists, quotes, figures, tables, a comment form, code samples) between a nav and a
 * footer. The prose is built from templates and word banks; mentions of the library's terms are sprinkled
 * at the density of an on-topic news page, some split across inline markup, some in places the extension
 * must skip (code, textarea, hidden), next to hard negatives (the library's own ambiguities and look-alikes).
 *
 * Same seed and same library, same bytes: every run of the bench on every machine measures the same page
 * (the planted mentions come from the library, so a new dataset version makes new pages).
 */
import {
  NON_ENGLISH_MENTION_SHARE,
  SPLIT_MENTION_SHARE,
  WORDS_PER_MENTION,
  WORDS_PER_NEGATIVE,
} from './config';

export interface TermForm {
  text: string;
  lang: string;
  caseSensitive: boolean;
  /** Name of a context rule: the form counts only with (or without) certain words nearby. */
  context?: string;
}

export interface GeneratedPage {
  html: string;
  stats: {
    bytes: number;
    articles: number;
    /** Words of visible prose (approximate: whitespace-separated tokens of the generated text). */
    words: number;
    /** Mentions planted where the extension should see them (visible prose). */
    mentions: number;
    /** Of those, split across inline markup (`<b>UN</b> Women`). */
    splitMentions: number;
    /** Mentions planted where the extension must not look (code, pre, textarea, input, hidden, aria-hidden). */
    skippedMentions: number;
    /** Hard negatives: ambiguous acronyms in other senses, look-alike words, near-miss phrases. */
    negatives: number;
  };
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Math.random cannot be seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- Word banks -------------------------------------------------------------------------------------------

const CITIES = [
  'Vienna', 'Geneva', 'New York', 'Bangkok', 'Nairobi', 'Lagos', 'Manila', 'Kyiv', 'Warsaw', 'Lima', 'Bogotá',
  'Dakar', 'Jakarta', 'Dhaka', 'Athens', 'Madrid', 'Brussels', 'Tbilisi', 'Amman', 'Addis Ababa', 'Rabat',
  'Quito', 'Hanoi', 'Kathmandu', 'Accra', 'Tunis', 'Sofia', 'Bucharest', 'Panama City', 'Montevideo',
];
const SUBJECTS = [
  'the ministry', 'a spokesperson', 'local officials', 'the regional council', 'investigators', 'the committee',
  'prosecutors', 'the city government', 'researchers', 'community leaders', 'the central bank', 'union leaders',
  'the coast guard', 'health workers', 'several lawmakers', 'the mayor', 'aid groups', 'the finance minister',
  'labour inspectors', 'the school board', 'election observers', 'the court', 'a coalition of charities',
  'border officials', 'the airline', 'the state broadcaster', 'farmers', 'the police', 'teachers', 'economists',
];
const VERBS = [
  'announced', 'warned', 'confirmed', 'denied', 'reported', 'proposed', 'criticised', 'welcomed', 'rejected',
  'approved', 'questioned', 'outlined', 'revealed', 'defended', 'postponed', 'launched', 'reviewed', 'published',
  'signed', 'discussed', 'estimated', 'predicted', 'acknowledged', 'promised', 'described',
];
const OBJECTS = [
  'a new budget for the coming year', 'plans to expand the rail network', 'a review of emergency procedures',
  'changes to the pension system', 'a draft law on data protection', 'the results of a two-year audit',
  'a programme to train young workers', 'the closure of two district hospitals', 'tighter rules for landlords',
  'a package of tax incentives', 'a report on water quality', 'the terms of a ceasefire',
  'an inquiry into procurement contracts', 'new guidelines for schools', 'a plan to cut emissions',
  'an agreement with neighbouring countries', 'measures to support small businesses',
  'a strategy for the harvest season', 'an overhaul of the visa system', 'the figures for the third quarter',
];
const CLAUSES = [
  'after weeks of negotiations', 'despite strong opposition', 'according to people familiar with the matter',
  'in a statement on Tuesday', 'amid rising prices', 'following a series of protests', 'at a press conference',
  'ahead of next month’s elections', 'without giving further details', 'in a move that surprised analysts',
  'as the rainy season began', 'two days before the deadline', 'in an interview with local radio',
  'citing budget constraints', 'after a long public consultation', 'during a visit to the capital',
];
const NUMBERS = ['two', 'three', 'five', 'seven', 'a dozen', 'several hundred', '1,200', '4.5 million', '38 per cent', '17'];
const TOPICS = [
  'the economy', 'public health', 'housing', 'education', 'transport', 'energy prices', 'the harvest', 'tourism',
  'climate policy', 'the fishing industry', 'digital services', 'migration', 'workers’ rights', 'the courts',
];
const FIRST_NAMES = ['Amina', 'Carlos', 'Elena', 'Tomás', 'Priya', 'Jonas', 'Fatima', 'Liam', 'Mei', 'Olga', 'Kwame', 'Sofia', 'Raj', 'Ines'];
const LAST_NAMES = ['Okafor', 'Novak', 'García', 'Haddad', 'Lindqvist', 'Mensah', 'Tanaka', 'Rossi', 'Kowalski', 'Ahmed', 'Dubois', 'Silva'];
const SECTIONS = ['World', 'Politics', 'Business', 'Climate', 'Technology', 'Health', 'Science', 'Culture', 'Sport', 'Opinion', 'Cities', 'Education', 'Migration', 'Labour', 'Justice', 'Data'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Sentences that carry a mention: `{m}` is the mention, the rest is ordinary prose. Where the mention is an
 *  ambiguous acronym, the word "trafficked" / "anti-trafficking" nearby satisfies its context rule. */
const MENTION_SENTENCES = [
  'Officials from the {m} met ministers in {city} to discuss support for people who had been trafficked.',
  'A report cited by the {m} found that {num} cases had been referred to shelters in the past year.',
  'The {m} said its anti-trafficking teams would return to {city} next month.',
  'In {city}, {subj} referred to {m} when they {verb} the new anti-trafficking plan.',
  'Campaigners against trafficking said that {m} should be at the heart of any response, {clause}.',
  '“We cannot talk about {topic} without talking about {m},” said {name}, who works with trafficked families.',
  'The debate over {m} returned {clause}, with {subj} calling for more funding for anti-trafficking work.',
  'According to {m}, victims who were trafficked into farm work rarely report their employers.',
];

/** Hard negatives: each is plain prose the extension must not count. Taken from the library's ambiguities
 *  (other ICATs, the Isle of Man, the port of Ilo, the band Interpol, the Palermo protocols family) and from
 *  look-alikes (a term's words in another sense, a term followed by more letters). */
const NEGATIVES = [
  'The ICAT 2018 congress on architectural technology opened in Belfast with a keynote on timber architecture.',
  'Researchers at the facility use the ICAT metadata catalogue to find beamline data from earlier experiments.',
  'The ICAT-EGVE conference on artificial reality and telexistence moved online that year.',
  'The clinic bought an i-CAT cone-beam scanner for its dental surgery.',
  'Ratings analysts said the IoM, as the Isle of Man is often called, kept its outlook stable.',
  'The IOM, the Institute of Medicine, published its report on hospital staffing in Douglas.',
  'La Capitanía del Puerto de Ilo cerró el puerto por fuerte oleaje.',
  'The band Interpol announced a new album and a world tour starting in the autumn.',
  'TIP: press the space bar twice to pause the video.',
  'Leave a tip for the waiter if the service was good; tips are not included in the bill.',
  'The road carries heavy human traffic on market days, and the council plans a second footbridge.',
  'Former forced labourers’ descendants attended the museum opening.',
  'The Council of European Municipalities and Regions met in Brussels.',
  'The Palermo protocols thereto, including the firearms protocol, were discussed at the seminar.',
  'Drug trafficking routes through the port have shifted, customs officials said.',
  'The OASIS standard for document formats was updated in spring.',
  'Dawn broke over the harbour as the fishing boats returned.',
  'The documentary Blue Heart Campaign film screening sold out at the cinema.',
  'Unicefs and Unesco are not words, the editor reminded the new reporters.',
  'A plan of action for the tram network was adopted by the transport committee.',
  'The demand for organ transplants keeps rising, the hospital said.',
  'Women’s football drew record crowds this season.',
  'The smuggling of cigarettes across the border fell after new scanners arrived.',
  'The COP28 climate talks ended with a late-night deal on fossil fuels.',
];

const HEADLINE_PATTERNS = [
  '{Subj} {verb} {obj}',
  'In {city}, {subj} {verb} {obj}',
  '{Num} things to know about {topic} this week',
  'Why {topic} matters for {city}',
  '{Subj} {verb} {obj} {clause}',
  'Inside the fight over {topic} in {city}',
];

// ---- Generator --------------------------------------------------------------------------------------------

export function generatePage(options: { seed: number; bytes: number; forms: TermForm[]; title: string }): GeneratedPage {
  const rnd = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const chance = (p: number) => rnd() < p;
  const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

  const english = options.forms.filter((f) => f.lang === 'en' || f.lang === 'mul');
  const other = options.forms.filter((f) => f.lang === 'fr' || f.lang === 'es');
  const stats = { bytes: 0, articles: 0, words: 0, mentions: 0, splitMentions: 0, skippedMentions: 0, negatives: 0 };

  let wordsToNextMention = between(WORDS_PER_MENTION.min, WORDS_PER_MENTION.max);
  let wordsToNextNegative = between(WORDS_PER_NEGATIVE / 2, WORDS_PER_NEGATIVE * 1.5);

  const name = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const slots: Record<string, () => string> = {
    Subj: () => cap(pick(SUBJECTS)),
    subj: () => pick(SUBJECTS),
    verb: () => pick(VERBS),
    obj: () => pick(OBJECTS),
    clause: () => pick(CLAUSES),
    city: () => pick(CITIES),
    Num: () => cap(pick(NUMBERS)),
    num: () => pick(NUMBERS),
    topic: () => pick(TOPICS),
    name,
  };
  /** Fills every `{slot}` of a template; unknown slots (the mention's `{m}`) are left for the caller. */
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key]?.() ?? whole);

  /** Wraps some words of a plain sentence in inline markup, as real articles do. */
  const decorate = (sentence: string): string =>
    sentence
      .split(' ')
      .map((word) => {
        if (!chance(0.06) || word.length < 4) return escape(word);
        const w = escape(word);
        const r = rnd();
        if (r < 0.3) return `<a href="/topic/${slug(word)}">${w}</a>`;
        if (r < 0.5) return `<b>${w}</b>`;
        if (r < 0.7) return `<i>${w}</i>`;
        if (r < 0.85) return `<span class="hl">${w}</span>`;
        return `<em>${w}</em>`;
      })
      .join(' ');

  /** The HTML of one mention of a form, sometimes bold or linked, sometimes split across inline markup. */
  const mention = (form: TermForm): string => {
    const text = escape(form.text);
    const space = text.indexOf(' ');
    if (space > 0 && chance(SPLIT_MENTION_SHARE)) {
      stats.splitMentions += 1;
      const [head, tail] = [text.slice(0, space), text.slice(space)];
      const r = rnd();
      if (r < 0.4) return `<b>${head}</b>${tail}`;
      if (r < 0.7) return `${head}<i>${tail}</i>`;
      return `<a href="/topic/${slug(form.text)}">${head}</a>${tail}`;
    }
    const r = rnd();
    if (r < 0.1) return `<b>${text}</b>`;
    if (r < 0.2) return `<a href="/topic/${slug(form.text)}">${text}</a>`;
    return text;
  };

  const pickForm = () => (chance(NON_ENGLISH_MENTION_SHARE) && other.length ? pick(other) : pick(english));

  /** A paragraph of about `words` words: plain sentences, and a mention or a negative when their turn comes. */
  const paragraph = (words: number): string => {
    const parts: string[] = [];
    let count = 0;
    while (count < words) {
      let sentence: string;
      if (wordsToNextMention <= 0) {
        const [before, after] = fill(pick(MENTION_SENTENCES)).split('{m}') as [string, string];
        sentence = `${decorate(before)}${mention(pickForm())}${decorate(after)}`;
        stats.mentions += 1;
        wordsToNextMention = between(WORDS_PER_MENTION.min, WORDS_PER_MENTION.max);
      } else if (wordsToNextNegative <= 0) {
        sentence = escape(pick(NEGATIVES));
        stats.negatives += 1;
        wordsToNextNegative = between(WORDS_PER_NEGATIVE / 2, WORDS_PER_NEGATIVE * 1.5);
      } else {
        sentence = decorate(`${fill(pick(['{Subj} {verb} {obj} {clause}.', 'In {city}, {subj} {verb} {obj}.', '{Subj} {verb} {obj}, and {subj} {verb} {obj} {clause}.', 'The figures on {topic} were {verb} by {subj} {clause}.', '{Num} people attended, {clause}.']))}`);
      }
      const n = sentence.split(' ').length;
      count += n;
      wordsToNextMention -= n;
      wordsToNextNegative -= n;
      parts.push(sentence);
    }
    stats.words += count;
    return parts.join(' ');
  };

  /** A mention the extension must not see: in code, a textarea, an input's value, or a hidden subtree. */
  const skippedMention = (): string => {
    stats.skippedMentions += 1;
    const f = escape(pick(english).text);
    switch (between(0, 4)) {
      case 0:
        return `<pre><code>// Source: ${f}\nconst rows = await fetchReport({ source: "${f}", year: ${between(2010, 2024)} });\nrender(rows);</code></pre>`;
      case 1:
        return `<form class="comment"><label>Your comment <textarea name="c">I read the ${f} report and</textarea></label><button type="submit">Post</button></form>`;
      case 2:
        return `<div hidden><p>Related: ${f}</p></div>`;
      case 3:
        return `<p aria-hidden="true" class="decorative">${f}</p>`;
      default:
        return `<p>Inline code such as <code>${f}</code> is not prose.</p>`;
    }
  };

  const article = (index: number): string => {
    stats.articles += 1;
    const headline = escape(fill(pick(HEADLINE_PATTERNS)));
    const date = `${between(1, 28)} ${pick(MONTHS)} ${between(2015, 2025)}`;
    const section = pick(SECTIONS);
    const blocks: string[] = [
      `<header><p class="kicker"><a href="/section/${slug(section)}">${section}</a></p>` +
        `<h2><a href="/news/${index}">${headline}</a></h2>` +
        `<p class="byline">By <span class="author">${escape(name())}</span> · <time>${date}</time></p></header>`,
    ];
    const paragraphs = between(4, 10);
    for (let p = 0; p < paragraphs; p++) {
      blocks.push(`<p>${paragraph(between(40, 110))}</p>`);
      const r = rnd();
      if (r < 0.08) blocks.push(`<ul>${[0, 1, 2, 3].map(() => `<li>${paragraph(between(8, 20))}</li>`).join('')}</ul>`);
      else if (r < 0.13) blocks.push(`<blockquote><p>${paragraph(between(20, 40))}</p><cite>${escape(name())}</cite></blockquote>`);
      else if (r < 0.17) blocks.push(`<figure><img src="data:," alt="" width="640" height="360"><figcaption>${paragraph(between(8, 16))}</figcaption></figure>`);
      else if (r < 0.2)
        blocks.push(
          `<table><caption>${escape(fill('Figures on {topic}'))}</caption><tr><th>Year</th><th>Cases</th><th>Change</th></tr>` +
            [0, 1, 2].map(() => `<tr><td>${between(2015, 2025)}</td><td>${between(10, 5000)}</td><td>${between(-40, 60)}%</td></tr>`).join('') +
            `</table>`,
        );
      else if (r < 0.24) blocks.push(skippedMention());
    }
    blocks.push(`<footer class="tags">${[0, 1, 2].map(() => `<a href="/tag/${slug(pick(TOPICS))}">${escape(pick(TOPICS))}</a>`).join(' ')}</footer>`);
    return `<article id="a${index}">${blocks.join('\n')}</article>\n`;
  };

  const head =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(options.title)}</title>` +
    `<style>body{font:16px/1.5 Georgia,serif;max-width:46em;margin:auto}nav ul{display:flex;flex-wrap:wrap;gap:.5em;list-style:none}` +
    `.byline,.kicker{color:#555;font:13px sans-serif}.hl{background:#ffd}article{border-bottom:1px solid #ddd}</style></head>\n<body>\n` +
    `<header><nav><ul>${SECTIONS.map((s) => `<li><a href="/section/${slug(s)}">${s}</a></li>`).join('')}</ul></nav>` +
    `<form role="search" action="/search"><input type="search" name="q" value="UNODC report"><button>Search</button></form></header>\n<main>\n`;
  const foot =
    `</main>\n<aside><h2>Most read</h2><ol>${[0, 1, 2, 3, 4].map((i) => `<li><a href="/news/${i}">${escape(fill(pick(HEADLINE_PATTERNS)))}</a></li>`).join('')}</ol></aside>\n` +
    `<footer><p>© ${2025} The Daily Bench. All rights reserved.</p><ul>${['About', 'Contact', 'Privacy', 'Terms', 'Careers'].map((s) => `<li><a href="/${slug(s)}">${s}</a></li>`).join('')}</ul></footer>\n</body></html>\n`;

  const body: string[] = [];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(foot);
  while (bytes < options.bytes) {
    const a = article(body.length);
    body.push(a);
    bytes += Buffer.byteLength(a);
  }
  const html = head + body.join('') + foot;
  stats.bytes = Buffer.byteLength(html);
  return { html, stats };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
