/**
 * From raw runs to the results: medians, same-run ratios, long-task attribution, the targets, and the
 * Markdown that goes to the console and into docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import type { BaselineRun, ExtensionRun, FloorRun, FrameEntry, MarkJsRun, TaskEntry } from './browser';
import { CHROMIUM, DOCS_FILE, LONG_TASK_MS, MARKJS_TIMEOUT_MS, RESULTS_END, RESULTS_START, TARGETS, type PageSize } from './config';
import type { GeneratedPage } from './page-generator';

export interface SizeResult {
  size: PageSize;
  page: GeneratedPage['stats'];
  ext: ExtensionRun[];
  base: BaselineRun[];
  floor: FloorRun[];
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
  /** Longest long task (Long Tasks API) running in the window, including the page's task in which parsing
   *  ends (it starts before DOMContentLoaded); 0 if none. */
  longestTask: number;
  /** Total blocking time of those tasks: the sum of each one's time over 50 ms. */
  tbt: number;
  /** Of the long tasks that started in the window, the longest time outside rendering and page scripts. */
  attributed: number;
  /** Longest long animation frame that started in the window: how long the page could not show a new frame. */
  longestFrame: number;
  /** Of those frames, the longest part before rendering (tasks: scripts, including ours) ... */
  frameScript: number;
  /** ... and the longest rendering part (style, layout, paint: highlight painting shows here). */
  frameRender: number;
}

/**
 * The main thread in the window [from, to], which starts at DOMContentLoaded.
 *
 * Attribution: a content script runs on the page's main thread, so its long tasks are the page's, with no name
 * on them. Only tasks that *start* after DOMContentLoaded can be the extension's: the content script is
 * injected later (at document_idle), and the task in which parsing ends is the page's. The Long Animation
 * Frames API splits a frame into tasks and a rendering phase (renderStart..end) and names the page's own
 * scripts but never an extension's (checked on Chromium 156). A long task's time outside rendering phases,
 * less page-script time, is script work the page did not ask for: the generated pages run no script after
 * DOMContentLoaded, so with the extension it is the content script's (or a GC it caused).
 */
export function mainThread(tasks: TaskEntry[], frames: FrameEntry[], from: number, to: number): MainThread {
  const running = tasks.filter((t) => t.start <= to && t.start + t.duration >= from);
  const started = <T extends TaskEntry>(entries: T[]) => entries.filter((e) => e.start >= from && e.start <= to);
  const longFrames = started(frames);
  const attributed = (task: TaskEntry) => {
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
  const renderPart = (f: FrameEntry) => (f.renderStart > 0 ? f.start + f.duration - f.renderStart : 0);
  return {
    longestTask: max(running.map((t) => t.duration)),
    tbt: running.reduce((sum, t) => sum + Math.max(0, t.duration - LONG_TASK_MS), 0),
    attributed: max(started(tasks).map(attributed)),
    longestFrame: max(longFrames.map((f) => f.duration)),
    frameScript: max(longFrames.map((f) => Math.max(0, f.duration - renderPart(f) - f.pageScriptMs))),
    frameRender: max(longFrames.map(renderPart)),
  };
}

// ---- Summary ----------------------------------------------------------------------------------------------

type ThreadSummary = { [K in keyof MainThread]: { median: number; worst: number } };

export interface SizeSummary {
  label: string;
  runs: number;
  markRuns: number;
  page: GeneratedPage['stats'];
  /** Text nodes under body (all), and what ICAT Lens reports scanning (visible prose only). */
  walkNodes: number;
  textNodes: number;
  chars: number;
  entities: { distinct: number; mentions: number; top: string };
  // From navigation start.
  dcl: number;
  /** DOMContentLoaded -> the load event of ICAT Lens's own load, which is when its content script runs. */
  injectionDelay: number;
  /** The probe's evidence for that: from the end of its content script's walk to the load event (about 0). */
  probeLoadGap: number;
  floorIdle: number;
  idle: number;
  idleOverFloorIdle: number;
  timing: string;
  idleError: number;
  // The scan alone.
  walk: number;
  probeWalk: number;
  /** ICAT Lens from its injection (the load event of the same load) to idle. */
  scan: number;
  scanOverWalk: number;
  /** The content script's own `stats.scanMs`: working time, without the pauses it yields to the page. */
  busy: number;
  mark: { ms: number; ratio: number; timeouts: number; runs: number } | null;
  // Main thread and memory.
  threadExt: ThreadSummary;
  threadBase: ThreadSummary;
  heapExt: number;
  heapBase: number;
}

export function summarise(result: SizeResult): SizeSummary {
  const { ext, base, floor, mark } = result;
  const runs = ext.map((e, i) => {
    const b = base[i]!;
    const f = floor[i]!;
    // document_idle content scripts run just before the load event, which waits for them (the probe shows it:
    // its walk ends when the load event starts). Anchoring on this load's own event keeps the scan free of the
    // noise in parse time between two loads (DOMContentLoaded -> injection varies from 50 to 300 ms at 1 MB).
    const scan = e.idle - (e.load || e.dcl);
    return { e, b, f, scan };
  });
  const scans = runs.map((r) => r.scan);
  const threads = (list: MainThread[]): ThreadSummary => {
    const keys = Object.keys(list[0]!) as (keyof MainThread)[];
    return Object.fromEntries(
      keys.map((k) => [k, { median: median(list.map((t) => t[k])), worst: max(list.map((t) => t[k])) }]),
    ) as ThreadSummary;
  };
  const timed = mark.flatMap((m, i) => ('ms' in m ? [{ ms: m.ms, ratio: m.ms / scans[i]! }] : []));
  const timeouts = mark.length - timed.length;
  const last = ext.at(-1)!.reply;
  return {
    label: result.size.label,
    runs: ext.length,
    markRuns: mark.length,
    page: result.page,
    walkNodes: base[0]!.walkNodes,
    textNodes: last.stats.textNodes,
    chars: last.stats.chars,
    entities: {
      distinct: last.entities.length,
      mentions: last.entities.reduce((sum, e) => sum + e.count, 0),
      top: last.entities
        .slice(0, 3)
        .map((e) => `${e.name} ×${e.count}`)
        .join(', '),
    },
    dcl: median(ext.map((e) => e.dcl)),
    injectionDelay: median(ext.map((e) => e.load - e.dcl)),
    probeLoadGap: median(floor.map((f) => f.load - f.done)),
    floorIdle: median(floor.map((f) => f.done)),
    idle: median(ext.map((e) => e.idle)),
    idleOverFloorIdle: median(runs.map((r) => r.e.idle / r.f.done)),
    timing: [...new Set(ext.map((e) => e.timing))].join('+'),
    idleError: median(ext.map((e) => e.idleError)),
    walk: median(base.map((b) => b.walkMs)),
    probeWalk: median(floor.map((f) => f.done - f.injected)),
    scan: median(scans),
    scanOverWalk: median(runs.map((r) => r.scan / r.b.walkMs)),
    busy: median(ext.map((e) => e.reply.stats.scanMs)),
    mark:
      mark.length === 0
        ? null
        : timed.length === 0 || timeouts > timed.length
          ? { ms: Infinity, ratio: MARKJS_TIMEOUT_MS / median(scans), timeouts, runs: mark.length }
          : { ms: median(timed.map((t) => t.ms)), ratio: median(timed.map((t) => t.ratio)), timeouts, runs: mark.length },
    threadExt: threads(runs.map(({ e }) => mainThread(e.tasks, e.frames, e.dcl, e.idle))),
    threadBase: threads(runs.map(({ e, b }) => mainThread(b.tasks, b.frames, b.dcl, b.dcl + (e.idle - e.dcl)))),
    heapExt: median(ext.map((e) => e.heapBytes)),
    heapBase: median(base.map((b) => b.heapBytes)),
  };
}

// ---- Targets ----------------------------------------------------------------------------------------------

export interface Verdict {
  /** true: holds; false: misses; null: not measured; 'note': not a target, worth knowing. */
  holds: boolean | null | 'note';
  target: string;
  detail: string;
}

export function verdicts(summaries: SizeSummary[]): Verdict[] {
  const largest = summaries.at(-1)!;
  const at = `at ${largest.label}`;
  const list: Verdict[] = [
    {
      target: `ICAT Lens idle within ${TARGETS.maxScanOverFloor}x of the floor, from navigation start (${at})`,
      holds: largest.idleOverFloorIdle <= TARGETS.maxScanOverFloor,
      detail: `${ms(largest.idle)} vs ${ms(largest.floorIdle)}: ${x(largest.idleOverFloorIdle)}`,
    },
    {
      target: `the scan alone within ${TARGETS.maxScanOverFloor}x of the bare walk (${at}; stricter: parsing left out)`,
      holds: largest.scanOverWalk <= TARGETS.maxScanOverFloor,
      detail: `${ms(largest.scan)} vs ${ms(largest.walk)}: ${x(largest.scanOverWalk)}`,
    },
    largest.mark === null
      ? { target: `at least ${TARGETS.minMarkOverScan}x faster than mark.js (${at})`, holds: null, detail: 'mark.js not run at this size' }
      : {
          target: `at least ${TARGETS.minMarkOverScan}x faster than mark.js (${at})`,
          holds: largest.mark.ratio >= TARGETS.minMarkOverScan,
          detail: `mark.js ${markCell(largest.mark)} vs ICAT Lens's scan ${ms(largest.scan)}: ${largest.mark.ms === Infinity ? '>' : ''}${x(largest.mark.ratio)}`,
        },
  ];
  const worst = max(summaries.map((s) => s.threadExt.attributed.worst));
  list.push({
    target: `no main-thread task over ${TARGETS.maxAttributedTaskMs} ms attributable to the extension (every size, worst run)`,
    holds: worst <= TARGETS.maxAttributedTaskMs,
    detail: `longest attributed task (worst run): ${summaries.map((s) => `${s.label} ${some(s.threadExt.attributed.worst)}`).join(', ')}`,
  });
  const slower = summaries.filter((s) => s.threadExt.longestTask.median - s.threadBase.longestTask.median > LONG_TASK_MS);
  if (slower.length > 0) {
    list.push({
      target: "the page's own long task (where parsing ends) with and without ICAT Lens (not attributed; worth a look)",
      holds: 'note',
      detail: slower
        .map((s) => `${s.label}: ${ms(s.threadExt.longestTask.median)} with vs ${ms(s.threadBase.longestTask.median)} without (medians)`)
        .join('; '),
    });
  }
  const frames = summaries.filter((s) => s.threadExt.longestFrame.worst > Math.max(LONG_TASK_MS, s.threadBase.longestFrame.worst));
  if (frames.length > 0) {
    list.push({
      target: 'long animation frames during the scan (not a target; what a reader could feel)',
      holds: 'note',
      detail: frames
        .map(
          (s) =>
            `${s.label}: frames up to ${ms(s.threadExt.longestFrame.worst)} with ICAT Lens vs ${some(s.threadBase.longestFrame.worst)} without ` +
            `(script part up to ${ms(s.threadExt.frameScript.worst)}, rendering up to ${ms(s.threadExt.frameRender.worst)})`,
        )
        .join('; '),
    });
  }
  return list;
}

// ---- Formatting -------------------------------------------------------------------------------------------

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`) : '—');
const x = (v: number) => (Number.isFinite(v) ? `${v >= 100 ? Math.round(v) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}x` : "—");
/** A duration where 0 means "no entry over the 50 ms threshold". */
const some = (v: number) => (v === 0 ? 'none' : ms(v));
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

export function resultsMarkdown(
  summaries: SizeSummary[],
  host: Machine,
  options: { quick: boolean; markOptions: string; datasetVersion: string },
): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const pair = (t: { median: number; worst: number }) => (t.worst === 0 ? 'none' : `${some(t.median)} (${some(t.worst)})`);
  line('## Results');
  line();
  line(
    `Generated by \`npm run bench${options.quick ? ' -- --quick' : ''}\` on ${host.date}` +
      (options.quick ? ' — **quick mode: one run per size, no mark.js at 5 MB; indicative only.**' : '.'),
  );
  if (summaries.every((s) => s.entities.mentions === 0)) {
    line();
    line(
      '> **These numbers predate detection:** the content script found no entities (it only walks and counts ' +
        'text), so the ICAT Lens columns measure the walk, its time slicing and the messaging, not matching.',
    );
  }
  line();
  line(`Machine: ${host.cpu}, ${host.cores} cores, ${host.memory}; ${host.chromium} (headless); Node ${host.node}; ${host.os}.`);
  line();
  line(
    `Runs per size: ${summaries.map((s) => `${s.label} ${s.runs} (mark.js ${s.markRuns})`).join(', ')}. ` +
      `Pages generated from dataset ${options.datasetVersion}. ` +
      'Times are medians; ratios are medians of per-run ratios; "(…)" is the worst run.',
  );
  line();
  line('### Pages');
  line();
  line(
    table(
      ['page', 'HTML', 'articles', 'words', 'mentions planted (split / in skipped places)', 'hard negatives', 'text nodes (all / scanned)', 'chars scanned', 'found: entities (mentions)'],
      summaries.map((s) => [
        s.label,
        `${int(s.page.bytes)} B`,
        int(s.page.articles),
        int(s.page.words),
        `${int(s.page.mentions)} (${int(s.page.splitMentions)} / ${int(s.page.skippedMentions)})`,
        int(s.page.negatives),
        `${int(s.walkNodes)} / ${int(s.textNodes)}`,
        int(s.chars),
        s.entities.distinct === 0 ? 'none' : `${s.entities.distinct} (${int(s.entities.mentions)})`,
      ]),
    ),
  );
  line();
  const found = summaries.filter((s) => s.entities.distinct > 0);
  if (found.length) line(`Most found: ${found.map((s) => `${s.label}: ${s.entities.top}`).join('; ')}.`);
  line();
  line('### From navigation start (what a reader waits for)');
  line();
  line(
    table(
      ['page', 'DOMContentLoaded', 'ICAT Lens injected', 'floor idle', 'ICAT Lens idle', 'ICAT Lens / floor'],
      summaries.map((s) => [s.label, ms(s.dcl), `DCL + ${ms(s.injectionDelay)}`, ms(s.floorIdle), ms(s.idle), `**${x(s.idleOverFloorIdle)}**`]),
    ),
  );
  line();
  line(
    'Injection: `document_idle` scripts run just before the load event, which waits for them (floor probe: its walk ends ' +
      summaries.map((s) => `${ms(s.probeLoadGap)}`).join(' / ') +
      ' before the load event starts), so ICAT Lens\'s injection is taken as the load event of the same load.',
  );
  line();
  line('### The scan alone');
  line();
  line(
    table(
      ['page', 'floor: walk in page', 'walk in a content script', 'ICAT Lens scan', 'scan / floor', 'ICAT Lens busy', 'mark.js', 'mark.js / scan'],
      summaries.map((s) => [
        s.label,
        ms(s.walk),
        ms(s.probeWalk),
        ms(s.scan),
        `**${x(s.scanOverWalk)}**`,
        ms(s.busy),
        s.mark ? markCell(s.mark) + (s.mark.timeouts && s.mark.ms !== Infinity ? ` (${s.mark.timeouts} timeout)` : '') : 'not run',
        s.mark ? `**${s.mark.ms === Infinity ? '>' : ''}${x(s.mark.ratio)}**` : '—',
      ]),
    ),
  );
  line();
  const timing = [...new Set(summaries.map((s) => s.timing))].join('+');
  line(
    timing === 'idleAt'
      ? "Idle: the content script's own `stats.idleAt`."
      : `Idle: ${timing === 'polled' ? 'bracketed between two polls' : timing} (no \`stats.idleAt\` in the answer); median half-width of the bracket ` +
          summaries.map((s) => `${s.label} ±${ms(s.idleError)}`).join(', ') +
          '.',
  );
  line();
  line(`mark.js: ${options.markOptions}.`);
  line();
  line('### Main thread and memory');
  line();
  line(
    table(
      ['page', 'longest task, no ext / ICAT Lens', 'TBT, no ext / ICAT Lens', 'attributed to ICAT Lens', 'longest frame, no ext / ICAT Lens', 'ICAT Lens frames: script / rendering part', 'JS heap, no ext / ICAT Lens (Δ)'],
      summaries.map((s) => [
        s.label,
        `${pair(s.threadBase.longestTask)} / ${pair(s.threadExt.longestTask)}`,
        `${some(s.threadBase.tbt.median)} / ${some(s.threadExt.tbt.median)}`,
        pair(s.threadExt.attributed),
        `${pair(s.threadBase.longestFrame)} / ${pair(s.threadExt.longestFrame)}`,
        s.threadExt.longestFrame.worst === 0 ? '—' : `${ms(s.threadExt.frameScript.worst)} / ${ms(s.threadExt.frameRender.worst)}`,
        `${mb(s.heapBase)} / ${mb(s.heapExt)} (${s.heapExt >= s.heapBase ? '+' : '−'}${mb(Math.abs(s.heapExt - s.heapBase))})`,
      ]),
    ),
  );
  line();
  line(
    'Window: DOMContentLoaded to idle with ICAT Lens, the same length after DOMContentLoaded without it. Longest task and TBT ' +
      '(Long Tasks API, which leaves rendering out) count every long task running in the window, including the page\'s own task ' +
      'in which parsing ends; "attributed" and the frames (Long Animation Frames) count only those that started in it. ' +
      '"none": nothing over 50 ms. Script / rendering part: worst run.',
  );
  line();
  line('### Targets');
  line();
  const mark = { true: '✅ holds', false: '❌ misses', null: '➖ not measured', note: 'ℹ️ note' } as const;
  for (const v of verdicts(summaries)) line(`- ${mark[String(v.holds) as keyof typeof mark]}: ${v.target}: ${v.detail}.`);
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
