/**
 * From raw runs to the results: medians, same-run ratios, long-task attribution, the targets, and the
 * Markdown that goes to the console and into docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import type { BaselineRun, ExtensionRun, FrameEntry, MarkJsRun, TaskEntry } from './browser';
import { CHROMIUM, DOCS_FILE, LONG_TASK_MS, MARKJS_TIMEOUT_MS, RESULTS_END, RESULTS_START, TARGETS, type PageSize } from './config';
import type { GeneratedPage } from './page-generator';

export interface SizeResult {
  size: PageSize;
  page: GeneratedPage['stats'];
  ext: ExtensionRun[];
  base: BaselineRun[];
  mark: MarkJsRun[];
}

// ---- Statistics -------------------------------------------------------------------------------------------

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const max = (values: number[]) => values.reduce((m, v) => Math.max(m, v), 0);

// ---- Main thread ------------------------------------------------------------------------------------------

export interface MainThread {
  /** Longest task that started in the window (ms; 0 if none over the 50 ms threshold). */
  longest: number;
  /** Total blocking time in the window: the sum of each long task's time over 50 ms. */
  tbt: number;
  /** Longest task's time outside any rendering phase and outside page scripts: script work nobody on the page
   *  asked for. On the generated pages (no scripts of their own) that is the content script's. */
  longestScript: number;
}

/**
 * Long tasks that started in [from, to]. Attribution: the Long Animation Frames API splits a frame into its
 * tasks and its rendering phase (renderStart..end: rAF, style, layout, paint) and names the page's own scripts
 * but never an extension's. Time of a long task outside rendering phases, less the page scripts' time in its
 * frame, is script work the page did not do.
 */
export function mainThread(tasks: TaskEntry[], frames: FrameEntry[], from: number, to: number): MainThread {
  const inWindow = tasks.filter((t) => t.start >= from && t.start <= to);
  const scriptPart = (task: TaskEntry) => {
    const end = task.start + task.duration;
    let rendering = 0;
    let pageScripts = 0;
    for (const frame of frames) {
      const frameEnd = frame.start + frame.duration;
      if (frameEnd <= task.start || frame.start >= end) continue;
      if (frame.renderStart > 0) rendering += Math.max(0, Math.min(end, frameEnd) - Math.max(task.start, frame.renderStart));
      pageScripts += frame.pageScriptMs;
    }
    return Math.max(0, task.duration - rendering - pageScripts);
  };
  return {
    longest: max(inWindow.map((t) => t.duration)),
    tbt: inWindow.reduce((sum, t) => sum + Math.max(0, t.duration - LONG_TASK_MS), 0),
    longestScript: max(inWindow.map(scriptPart)),
  };
}

// ---- Summary ----------------------------------------------------------------------------------------------

export interface SizeSummary {
  label: string;
  runs: number;
  markRuns: number;
  page: GeneratedPage['stats'];
  textNodes: number;
  chars: number;
  walkNodes: number;
  walkMs: number;
  /** DOMContentLoaded -> idle with the extension: the extension's whole cost in wall time, injection included. */
  scanMs: number;
  /** The content script's own `stats.scanMs` (busy time, without the pauses it yields to the page). */
  busyMs: number;
  scanOverWalk: number;
  idleMs: number;
  dclExt: number;
  dclBase: number;
  floorIdleMs: number;
  idleOverFloorIdle: number;
  timing: string;
  idleError: number;
  mark: { ms: number; ratio: number; timeouts: number; runs: number } | null;
  mainExt: { longest: number; worst: number; script: number; worstScript: number; tbt: number };
  mainBase: { longest: number; worst: number; script: number; worstScript: number; tbt: number };
  heapExt: number;
  heapBase: number;
  entities: { distinct: number; mentions: number; top: string };
}

export function summarise(result: SizeResult): SizeSummary {
  const { ext, base, mark } = result;
  const scan = ext.map((e) => e.idle - e.dcl);
  const pairs = ext.map((e, i) => ({ e, b: base[i]!, scan: scan[i]! }));
  const threadsExt = ext.map((e) => mainThread(e.tasks, e.frames, e.dcl, e.idle));
  const threadsBase = pairs.map(({ b, scan }) => mainThread(b.tasks, b.frames, b.dcl, b.dcl + scan));
  const thread = (runs: MainThread[]) => ({
    longest: median(runs.map((t) => t.longest)),
    worst: max(runs.map((t) => t.longest)),
    script: median(runs.map((t) => t.longestScript)),
    worstScript: max(runs.map((t) => t.longestScript)),
    tbt: median(runs.map((t) => t.tbt)),
  });
  const timed = mark.flatMap((m, i) => ('ms' in m ? [{ ms: m.ms, ratio: m.ms / scan[i]! }] : []));
  const timeouts = mark.length - timed.length;
  const last = ext.at(-1)!.reply;
  const mentions = last.entities.reduce((sum, e) => sum + e.count, 0);
  return {
    label: result.size.label,
    runs: ext.length,
    markRuns: mark.length,
    page: result.page,
    textNodes: last.stats.textNodes,
    chars: last.stats.chars,
    walkNodes: base[0]!.walkNodes,
    walkMs: median(base.map((b) => b.walkMs)),
    scanMs: median(scan),
    busyMs: median(ext.map((e) => e.reply.stats.scanMs)),
    scanOverWalk: median(pairs.map(({ b, scan }) => scan / b.walkMs)),
    idleMs: median(ext.map((e) => e.idle)),
    dclExt: median(ext.map((e) => e.dcl)),
    dclBase: median(base.map((b) => b.dcl)),
    floorIdleMs: median(base.map((b) => b.dcl + b.walkMs)),
    idleOverFloorIdle: median(pairs.map(({ e, b }) => e.idle / (b.dcl + b.walkMs))),
    timing: [...new Set(ext.map((e) => e.timing))].join('+'),
    idleError: median(ext.map((e) => e.idleError)),
    mark:
      mark.length === 0
        ? null
        : timeouts > timed.length || timed.length === 0
          ? { ms: Infinity, ratio: MARKJS_TIMEOUT_MS / median(scan), timeouts, runs: mark.length }
          : { ms: median(timed.map((t) => t.ms)), ratio: median(timed.map((t) => t.ratio)), timeouts, runs: mark.length },
    mainExt: thread(threadsExt),
    mainBase: thread(threadsBase),
    heapExt: median(ext.map((e) => e.heapBytes)),
    heapBase: median(base.map((b) => b.heapBytes)),
    entities: {
      distinct: last.entities.length,
      mentions,
      top: last.entities
        .slice(0, 3)
        .map((e) => `${e.name} ×${e.count}`)
        .join(', '),
    },
  };
}

// ---- Targets ----------------------------------------------------------------------------------------------

export interface Verdict {
  target: string;
  holds: boolean | null;
  detail: string;
}

export function verdicts(summaries: SizeSummary[]): Verdict[] {
  const largest = summaries.at(-1)!;
  const at = `at ${largest.label}`;
  const verdictList: Verdict[] = [
    {
      target: `extension scan within ${TARGETS.maxScanOverFloor}x of the floor (${at})`,
      holds: largest.scanOverWalk <= TARGETS.maxScanOverFloor,
      detail: `${ms(largest.scanMs)} vs ${ms(largest.walkMs)}: ${x(largest.scanOverWalk)}`,
    },
    largest.mark === null
      ? { target: `at least ${TARGETS.minMarkOverScan}x faster than mark.js (${at})`, holds: null, detail: 'mark.js not run at this size' }
      : {
          target: `at least ${TARGETS.minMarkOverScan}x faster than mark.js (${at})`,
          holds: largest.mark.ratio >= TARGETS.minMarkOverScan,
          detail: `mark.js ${markCell(largest.mark)} vs extension ${ms(largest.scanMs)}: ${largest.mark.ms === Infinity ? '>' : ''}${x(largest.mark.ratio)}`,
        },
  ];
  const worst = max(summaries.map((s) => s.mainExt.worstScript));
  const worstSize = summaries.find((s) => s.mainExt.worstScript === worst) ?? largest;
  verdictList.push({
    target: `no main-thread task over ${TARGETS.maxAttributedTaskMs} ms attributable to the extension (every size, worst run)`,
    holds: worst <= TARGETS.maxAttributedTaskMs,
    detail:
      `worst attributed ${ms(worst)} (${worstSize.label}); longest task with / without the extension ` +
      summaries.map((s) => `${s.label} ${ms(s.mainExt.worst)} / ${ms(s.mainBase.worst)}`).join(', '),
  });
  return verdictList;
}

// ---- Formatting -------------------------------------------------------------------------------------------

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`) : '—');
const x = (v: number) => (Number.isFinite(v) ? `${v >= 100 ? Math.round(v) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}x` : "—");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const int = (v: number) => v.toLocaleString('en-US');
const markCell = (m: NonNullable<SizeSummary['mark']>) =>
  m.ms === Infinity ? `>${MARKJS_TIMEOUT_MS / 1000} s (timeout)` : m.ms >= 10_000 ? `${(m.ms / 1000).toFixed(1)} s` : ms(m.ms);

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memory: string;
  chromium: string;
  node: string;
  os: string;
}

export function machine(): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // reported as unknown
  }
  return {
    date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    chromium,
    node: process.version,
    os: `Linux ${release()}`,
  };
}

export function resultsMarkdown(summaries: SizeSummary[], host: Machine, options: { quick: boolean; markOptions: string }): string {
  const out: string[] = [];
  const predates = summaries.every((s) => s.entities.mentions === 0);
  out.push(`## Results`);
  out.push('');
  out.push(
    `Generated by \`npm run bench${options.quick ? ' -- --quick' : ''}\` on ${host.date}` +
      (options.quick ? ' — **quick mode: one run per size, no mark.js at 5 MB; indicative only.**' : '.'),
  );
  if (predates) {
    out.push('');
    out.push(
      '> **These numbers predate detection:** the content script found no entities (it only walks and counts ' +
        'text), so the extension columns measure the walk, its time slicing and the messaging, not matching.',
    );
  }
  out.push('');
  out.push(`Machine: ${host.cpu}, ${host.cores} cores, ${host.memory}; ${host.chromium} (headless); Node ${host.node}; ${host.os}.`);
  out.push('');
  out.push(`Runs per size: ${summaries.map((s) => `${s.label} ${s.runs} (mark.js ${s.markRuns})`).join(', ')}. Times are medians; ratios are medians of per-run ratios.`);
  out.push('');
  out.push('### Pages');
  out.push('');
  out.push(
    table(
      ['page', 'HTML', 'articles', 'words', 'mentions planted (split / skipped)', 'hard negatives', 'text nodes (all / scanned)', 'chars scanned'],
      summaries.map((s) => [
        s.label,
        `${int(s.page.bytes)} B`,
        int(s.page.articles),
        int(s.page.words),
        `${int(s.page.mentions)} (${int(s.page.splitMentions)} / ${int(s.page.skippedMentions)})`,
        int(s.page.negatives),
        `${int(s.walkNodes)} / ${int(s.textNodes)}`,
        int(s.chars),
      ]),
    ),
  );
  out.push('');
  out.push('### Time');
  out.push('');
  out.push(
    table(
      ['page', 'floor (walk)', 'extension scan', 'scan / floor', 'ext. busy', 'mark.js', 'mark.js / scan', 'DCL no ext / ext', 'idle from nav. start', 'floor idle', 'idle / floor idle'],
      summaries.map((s) => [
        s.label,
        ms(s.walkMs),
        ms(s.scanMs),
        `**${x(s.scanOverWalk)}**`,
        ms(s.busyMs),
        s.mark ? markCell(s.mark) + (s.mark.timeouts && s.mark.ms !== Infinity ? ` (${s.mark.timeouts} timeout)` : '') : 'not run',
        s.mark ? `**${s.mark.ms === Infinity ? '>' : ''}${x(s.mark.ratio)}**` : '—',
        `${ms(s.dclBase)} / ${ms(s.dclExt)}`,
        ms(s.idleMs),
        ms(s.floorIdleMs),
        x(s.idleOverFloorIdle),
      ]),
    ),
  );
  out.push('');
  const timing = [...new Set(summaries.map((s) => s.timing))].join('+');
  out.push(
    timing === 'idleAt'
      ? 'Idle time: the content script\'s own `stats.idleAt`.'
      : `Idle time: ${timing === 'polled' ? 'bracketed between two polls' : timing} (no \`stats.idleAt\` in the answer yet); median half-width of the bracket ` +
          summaries.map((s) => `${s.label} ±${ms(s.idleError)}`).join(', ') +
          '.',
  );
  out.push('');
  out.push('### Main thread and memory');
  out.push('');
  out.push(
    table(
      ['page', 'longest task no ext / ext (worst run)', 'ext. script part of longest (worst)', 'TBT no ext / ext', 'JS heap no ext / ext (Δ)', 'entities found (mentions)'],
      summaries.map((s) => [
        s.label,
        `${ms(s.mainBase.longest)} / ${ms(s.mainExt.longest)} (${ms(s.mainBase.worst)} / ${ms(s.mainExt.worst)})`,
        `${ms(s.mainExt.script)} (${ms(s.mainExt.worstScript)})`,
        `${ms(s.mainBase.tbt)} / ${ms(s.mainExt.tbt)}`,
        `${mb(s.heapBase)} / ${mb(s.heapExt)} (${s.heapExt >= s.heapBase ? '+' : '−'}${mb(Math.abs(s.heapExt - s.heapBase))})`,
        s.entities.distinct === 0 ? 'none' : `${s.entities.distinct} (${int(s.entities.mentions)}): ${s.entities.top}`,
      ]),
    ),
  );
  out.push('');
  out.push(`mark.js options: ${options.markOptions}.`);
  out.push('');
  out.push('### Targets');
  out.push('');
  for (const v of verdicts(summaries)) {
    out.push(`- ${v.holds === null ? '➖ not measured' : v.holds ? '✅ holds' : '❌ misses'}: ${v.target}: ${v.detail}.`);
  }
  return out.join('\n');
}

/** Replaces the results section of docs/benchmarks.md (between the markers), keeping the rest of the file
 *  (appends the section to a file that has no markers); writes the whole file from the template when there is
 *  no file yet. */
export function writeDocs(results: string, template: string): void {
  const section = `${RESULTS_START}\n${results}\n${RESULTS_END}`;
  if (existsSync(DOCS_FILE)) {
    const current = readFileSync(DOCS_FILE, 'utf8');
    const start = current.indexOf(RESULTS_START);
    const end = current.indexOf(RESULTS_END);
    if (start >= 0 && end > start) {
      writeFileSync(DOCS_FILE, current.slice(0, start) + section + current.slice(end + RESULTS_END.length));
    } else {
      writeFileSync(DOCS_FILE, `${current.trimEnd()}\n\n${section}\n`);
    }
    return;
  }
  writeFileSync(DOCS_FILE, template.replace('{{RESULTS}}', section));
}
