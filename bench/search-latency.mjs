// `npm run bench:search [-- --no-docs]`: bundles bench/search-latency.ts with esbuild (Node 20 cannot run
// TypeScript) into the system temp directory, then runs it. Writes docs/search-benchmark.md unless --no-docs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'icat-search-bench-'));
const outfile = join(dir, 'search-latency.mjs');
try {
  await build({
    entryPoints: ['bench/search-latency.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const { status } = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
