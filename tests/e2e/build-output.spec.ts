/**
 * Checks of the built extensions themselves (no browser needed): what ships must be what we think ships.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const OUT = process.env.ICAT_LENS_OUT_DIR ?? '.output';
const BUILDS = ['chrome-mv3', 'firefox-mv2'].map((dir) => resolve(OUT, dir));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

for (const build of BUILDS) {
  test.describe(build.split('/').at(-1)!, () => {
    test('every script and page is plain ASCII (Chromium refuses content scripts that are not UTF-8)', () => {
      const offenders = filesUnder(build)
        .filter((f) => /\.(js|html|css)$/.test(f))
        .filter((f) => /[^\x00-\x7f]/.test(readFileSync(f, 'latin1')));
      expect(offenders).toEqual([]);
    });

    test('asks only for storage, and no host permissions beyond its content-script matches', () => {
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
      expect(manifest.permissions ?? []).toEqual(['storage']);
      expect(manifest.host_permissions ?? []).toEqual([]);
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
      // docs/permissions.md lists exactly these entries.
      const doc = readFileSync(resolve('docs/permissions.md'), 'utf8');
      expect(doc).toContain('`http://*/*`, `https://*/*`');
      expect(doc).toContain('| `permissions` | `storage` |');
    });

    test('declares a strict policy for extension pages', () => {
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
      const csp = typeof manifest.content_security_policy === 'string' ? manifest.content_security_policy : manifest.content_security_policy.extension_pages;
      expect(csp).toBe("script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    });

    test('loads no remote code and evaluates no strings: scripts come from the package only', () => {
      for (const page of filesUnder(build).filter((f) => f.endsWith('.html'))) {
        expect(readFileSync(page, 'utf8')).not.toMatch(/<script[^>]+src=["']https?:/i);
      }
      const scripts = filesUnder(build).filter((f) => f.endsWith('.js'));
      for (const script of scripts) {
        const code = readFileSync(script, 'utf8');
        expect(code, script).not.toMatch(/\bimportScripts\(\s*["']https?:/);
        expect(code, script).not.toMatch(/\beval\(|\bnew Function\(/);
      }
    });

    test('ships the bundled dataset', () => {
      const dataset = JSON.parse(readFileSync(join(build, 'data/icat-library.json'), 'utf8'));
      const source = JSON.parse(readFileSync(resolve('assets/data/icat-library.json'), 'utf8'));
      expect(dataset.version).toBe(source.version);
    });
  });
}
