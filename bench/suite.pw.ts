/**
 * `npm run bench`: ICAT Lens against a bare TreeWalker pass (the floor) and mark.js, on generated news pages
 * of about 100 KB, 1 MB and 5 MB. Run by Playwright's test runner (bench/playwright.config.ts) only because it
 * runs TypeScript with no extra dependency; it is one long "test" that measures, prints and writes
 * docs/benchmarks.md. Not part of `npm test`. Start it with bench/run.mjs (it builds first and passes flags).
 */
import { test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, measureBaseline, measureExtension, measureFloorProbe, measureMarkJs, serve, warmUp, type ExtensionRun } from './browser';
import { MARKJS_OPTIONS, QUICK, WRITE_DOCS, selectedSizes } from './config';
import { allForms, plantableForms, readLibrary } from './library';
import { generatePage } from './page-generator';
import { machine, resultsMarkdown, summarise, writeDocs, type SizeResult } from './report';

const MARKJS_SOURCE = resolve('node_modules/mark.js/dist/mark.min.js');
const DOCS_TEMPLATE = resolve('bench/benchmarks.template.md');

test('ICAT Lens: extension vs floor vs mark.js', async () => {
  test.setTimeout(0); // a full run takes many minutes on two cores; the bench has its own timeouts
  const sizes = selectedSizes();
  const library = readLibrary();
  const forms = allForms(library);
  const plantable = plantableForms(library);
  const markTerms = {
    insensitive: forms.filter((f) => !f.caseSensitive).map((f) => f.text),
    sensitive: forms.filter((f) => f.caseSensitive).map((f) => f.text),
    options: MARKJS_OPTIONS,
  };

  // 1. Pages, written to a temp dir and served from 127.0.0.1.
  const dir = mkdtempSync(join(tmpdir(), 'icat-lens-bench-pages-'));
  const pages = sizes.map((size) => {
    const page = generatePage({
      seed: size.seed,
      bytes: size.bytes,
      forms: plantable,
      title: `The Daily Bench (${size.label})`,
    });
    writeFileSync(join(dir, `${size.id}.html`), page.html);
    return page;
  });
  writeFileSync(join(dir, 'warm-up.html'), generatePage({ seed: 1, bytes: 20_000, forms: plantable, title: 'warm-up' }).html);
  log(`pages in ${dir}: ${pages.map((p, i) => `${sizes[i]!.label} = ${p.stats.bytes} B`).join(', ')}`);

  const server = await serve(dir);
  const browsers = { icat: await launch('icat'), plain: await launch('plain'), floor: await launch('floor') };
  const results: SizeResult[] = [];
  try {
    await warmUp(browsers, `${server.origin}/warm-up.html`);
    const markSource = readFileSync(MARKJS_SOURCE, 'utf8');

    // 2. Per size, interleaved runs: ICAT Lens, the same page without it (same window), the floor probe, and
    // mark.js. Interleaving keeps the machine's drift out of the same-run ratios.
    for (const [i, size] of sizes.entries()) {
      const url = `${server.origin}/${size.id}.html`;
      const result: SizeResult = { size, page: pages[i]!.stats, ext: [], base: [], floor: [], mark: [] };
      for (let run = 0; run < size.runs; run++) {
        const e = await measureExtension(browsers.icat.context, url);
        const b = await measureBaseline(browsers.plain.context, url, e.idle - e.dcl);
        const f = await measureFloorProbe(browsers.floor.context, url);
        result.ext.push(e);
        result.base.push(b);
        result.floor.push(f);
        let markText = 'mark.js skipped';
        if (run < size.markRuns) {
          const m = await measureMarkJs(browsers.plain.context, url, markSource, markTerms);
          result.mark.push(m);
          markText = 'ms' in m ? `mark.js ${Math.round(m.ms)} ms (${m.marks} marks)` : 'mark.js timeout';
        }
        log(
          `${size.label} run ${run + 1}/${size.runs}: walk ${b.walkMs.toFixed(1)} ms; ICAT Lens idle ${e.idle.toFixed(0)} ms ` +
            `(DCL ${e.dcl.toFixed(0)}, load ${e.load.toFixed(0)}, ${e.timing}, busy ${e.reply.stats.scanMs} ms, ` +
            `${e.reply.entities.length} entities); floor idle ${f.done.toFixed(0)} ms; ${markText}` +
            longTasksAfterDcl(e),
        );
      }
      results.push(result);
    }
  } finally {
    for (const b of Object.values(browsers)) await b.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // 3. Report.
  const markOptions = `\`mark(forms, ${JSON.stringify({ ...MARKJS_OPTIONS, exclude: ['…skipped tags…'] })})\`, once for the case-insensitive forms and once (caseSensitive: true) for the others; ${forms.length} forms`;
  const markdown = resultsMarkdown(results.map(summarise), machine(), { quick: QUICK, markOptions, datasetVersion: library.version });
  log(`\n${markdown}\n`);
  if (WRITE_DOCS) {
    writeDocs(markdown, readFileSync(DOCS_TEMPLATE, 'utf8'));
    log('wrote docs/benchmarks.md');
  }
});

/** The long tasks of an ICAT Lens run that count against it, for the log: where in the scan to look. */
function longTasksAfterDcl(e: ExtensionRun): string {
  const tasks = e.tasks.filter((t) => t.start >= e.dcl && t.start <= e.idle);
  return tasks.length === 0
    ? ''
    : `; long tasks with ICAT Lens: ${tasks.map((t) => `${Math.round(t.duration)} ms at DCL + ${Math.round(t.start - e.dcl)}`).join(', ')}`;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
