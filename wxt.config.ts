import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CHROME_MANIFEST_KEY } from './lib/config/extension-key';

const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Origins a data pack may be fetched from, each asked for only when the reader enters an address. */
const DATA_PACK_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] as const;

// See https://wxt.dev/api/config.html
export default defineConfig({
  // ICAT_LENS_OUT_DIR lets a second build (a benchmark, a parallel test run) not overwrite .output.
  outDir: process.env.ICAT_LENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // WXT's default srcDir is the project root, which gives the top-level layout we keep:
  // entrypoints/, components/, lib/, assets/.
  vite: () => ({
    plugins: [preact()],
    build: {
      // Keep every emitted file ASCII: Chromium refuses a content script that is not valid UTF-8, and
      // escaping non-ASCII characters (the dataset has accents, the matcher has Unicode classes)
      // removes the whole class of bug. tests/e2e/build-output.spec.ts checks the built files.
      target: 'es2022',
    },
    esbuild: { charset: 'ascii' },
  }),
  hooks: {
    // The dataset's source of truth is assets/data/; the background reads it as an extension file.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('assets/data/icat-library.json'), relativeDest: 'data/icat-library.json' });
    },
  },
  manifest: ({ browser }) => ({
    // Name, description and command text come from public/_locales (English, French, Spanish).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is justified in docs/permissions.md; keep the two in step.
    permissions: ['storage'],
    // Asked for one origin at a time, when the reader loads a data pack from a web address (docs/data-packs.md).
    // http on this computer only, for trying a pack before publishing it.
    ...(browser === 'firefox'
      ? // Manifest V2 (the Firefox build) has no optional_host_permissions: origins go in optional_permissions.
        { optional_permissions: [...DATA_PACK_ORIGINS] }
      : { optional_host_permissions: [...DATA_PACK_ORIGINS] }),
    commands: {
      'open-mentions-list': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandOpenMentionsList__',
      },
    },
    // The key pins the id of unpacked builds (tests, development); store packages (npm run zip) leave it out,
    // as the Chrome Web Store assigns the id itself and refuses a manifest key.
    ...(browser === 'chrome' && !process.env.ICAT_LENS_STORE ? { key: CHROME_MANIFEST_KEY } : {}),
    // Extension pages run only our own scripts: no inline or remote script, no plugins, no <base> or form
    // tricks (docs/security.md). Stricter than the browsers' defaults.
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'icat-lens@icat-lens.org',
              // 140: CSS Custom Highlights and the data_collection_permissions key.
              strict_min_version: '140.0',
              // ICAT Lens collects and transmits nothing (docs/security.md).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
