// Opens Debian's Chromium with the built extension loaded, on a demo article served from 127.0.0.1,
// in a profile kept under .output/ (so bookmarks survive between runs). Used by `npm start`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const extension = resolve('.output/chrome-mv3');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const pages = resolve('tests/e2e/pages');
if (!existsSync(join(extension, 'manifest.json'))) throw new Error('Build first: npm run build');

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
  const file = join(pages, path || 'article.html');
  if (!file.startsWith(pages) || !existsSync(file)) return void res.writeHead(404).end('not found');
  const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)];
  res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' }).end(readFileSync(file));
});
server.listen(0, '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/article.html`;
  console.log(`ICAT Lens loaded from ${extension}\nDemo article: ${url}\nClose the browser to stop.`);
  const browser = spawn(
    chromium,
    [
      `--user-data-dir=${resolve('.output/chromium-profile')}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      url,
    ],
    { stdio: 'inherit' },
  );
  browser.on('exit', (code) => {
    server.close();
    process.exit(code ?? 0);
  });
});
