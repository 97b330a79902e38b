// `npm run bench [-- --quick] [--runs=N] [--sizes=100k,1m,5m] [--no-build] [--no-docs]`
// Builds the Chrome extension, then runs bench/suite.pw.ts (scan) and bench/popup.pw.ts (popup time to
// interactive) with Playwright's runner, then bench/search-latency.mjs (search per keystroke), (which runs TypeScript
// without another dependency). Flags become BENCH_* environment variables, read in bench/config.ts, because
// Playwright's CLI refuses options it does not know. Environment variables work too (BENCH_QUICK=1 ...).
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
let build = true;
for (const arg of process.argv.slice(2)) {
  const [flag, value] = arg.split('=');
  if (flag === '--quick') env.BENCH_QUICK = '1';
  else if (flag === '--runs' && value) env.BENCH_RUNS = value;
  else if (flag === '--sizes' && value) env.BENCH_SIZES = value;
  else if (flag === '--no-docs') env.BENCH_NO_DOCS = '1';
  else if (flag === '--no-build') build = false;
  else {
    console.error(`unknown option ${arg}\nusage: npm run bench -- [--quick] [--runs=N] [--sizes=100k,1m,5m] [--no-build] [--no-docs]`);
    process.exit(2);
  }
}

function run(command, args) {
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  if (status !== 0) process.exit(status ?? 1);
}

if (build) run('npx', ['wxt', 'build']);
run('npx', ['playwright', 'test', '-c', 'bench/playwright.config.ts']);
// Search latency per keystroke (real library and 10,000 generated records): Node only, no browser.
run('node', ['bench/search-latency.mjs', ...(env.BENCH_NO_DOCS ? ['--no-docs'] : [])]);
