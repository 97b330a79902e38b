/**
 * The lossless, versioned backup of everything the reader made: bookmarks (with notes, tags and where they
 * were found), settings and the sites switched off. `createBackup` + `serializeBackup` write it;
 * `parseBackup` reads a file back and refuses, with one specific, human message, anything that is not a
 * backup this version can restore exactly: not JSON, cut short, another file (a dataset, a citation export),
 * another version, wrong or missing fields, unknown fields, values over the limits, addresses that are not
 * web addresses (javascript:, data:), keys that could pollute prototypes (`__proto__`, `constructor`,
 * `prototype`), duplicate bookmarks.
 *
 * Text is kept exactly as written: HTML or script in a title or note is accepted, because the UI renders
 * it as text, never as markup.
 *
 * Merging a parsed backup into the database is `planImport` (plan-import.ts, re-exported here).
 */
import * as v from 'valibot';
import { BOOKMARK_NOTE_MAX_LENGTH, BOOKMARK_TAG_MAX_LENGTH, BOOKMARK_TAGS_MAX } from '../constants';
import { DATASET_FORMAT } from '../data/schema';
import type { Bookmark, BookmarkItemKind } from '../db/records';
import {
  HIGHLIGHT_KINDS,
  migrateSettings,
  SETTINGS_VERSION,
  type HighlightStyle,
  type HoverDelay,
  type Settings,
  type ThemeSetting,
} from '../settings/settings';

export { combineNotes, mergeBookmarks, planImport, type ImportPlan, type MergedBookmark } from './plan-import';

export const BACKUP_FORMAT = 'icat-lens-backup';
export const BACKUP_VERSION = 1;

/** Generous for real use, bounded so a broken or hostile file cannot exhaust memory. */
export const BACKUP_LIMITS = {
  /** Characters in the file; the UI should check File.size against this before reading it. */
  maxChars: 200 * 1024 * 1024,
  maxBookmarks: 100_000,
  maxDisabledSites: 10_000,
  maxIdLength: 100,
  /** Above the dataset's longest title (600) so a title saved from a later dataset still fits. */
  maxTitleLength: 1_000,
  maxNoteLength: BOOKMARK_NOTE_MAX_LENGTH,
  maxTags: BOOKMARK_TAGS_MAX,
  maxTagLength: BOOKMARK_TAG_MAX_LENGTH,
  maxUrlLength: 2_000,
  maxPageTitleLength: 1_000,
  maxQuoteLength: 2_000,
  maxHostLength: 253,
} as const;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO date and time (UTC) of the export. */
  exportedAt: string;
  /** The dataset version the bookmarks were made against, or null when no dataset was loaded. */
  datasetVersion: string | null;
  bookmarks: Bookmark[];
  settings: Settings;
  disabledSites: string[];
}

export type BackupParse = { ok: true; backup: Backup } | { ok: false; error: string };

export interface BackupContents {
  bookmarks: readonly Bookmark[];
  settings: Settings;
  disabledSites: readonly string[];
  datasetVersion: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/**
 * A backup of `contents`, bookmarks and settings copied with exactly their own fields: a stray field would
 * make the file unreadable (parseBackup refuses unknown fields).
 */
export function createBackup(contents: BackupContents, exportedAt: Date = new Date()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    datasetVersion: contents.datasetVersion,
    bookmarks: contents.bookmarks.map(copyBookmark),
    settings: copySettings(contents.settings),
    disabledSites: [...contents.disabledSites],
  };
}

function copyBookmark(b: Bookmark): Bookmark {
  return {
    id: b.id,
    itemId: b.itemId,
    itemKind: b.itemKind,
    title: b.title,
    note: b.note,
    tags: [...b.tags],
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    ...(b.foundAt ? { foundAt: { url: b.foundAt.url, title: b.foundAt.title, quote: b.foundAt.quote } } : {}),
  };
}

function copySettings(s: Settings): Settings {
  const { version, enabled, theme, highlightKinds, highlightStyle, hoverDelay } = s;
  return { version, enabled, theme, highlightKinds: [...highlightKinds], highlightStyle, hoverDelay };
}

/** The file's text (indented: people open backups to see what is in them). */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// The schema. Messages are predicates ("is not text"); `issueMessage` puts the subject in front
// ("Bookmark 12: the page address is not a web address (javascript:…)").

const KINDS = ['publication', 'event', 'agency', 'term', 'person'] as const satisfies readonly BookmarkItemKind[];
const THEMES = ['system', 'light', 'dark'] as const satisfies readonly ThemeSetting[];
const HIGHLIGHT_STYLES = ['tint-underline', 'underline', 'tint'] as const satisfies readonly HighlightStyle[];
const HOVER_DELAYS = ['short', 'normal', 'long'] as const satisfies readonly HoverDelay[];
// Fails to compile if a new kind, theme, style or delay is added without being listed above.
type Covers<All, Listed> = [All] extends [Listed] ? true : never;
const listsAreComplete: [
  Covers<BookmarkItemKind, (typeof KINDS)[number]>,
  Covers<ThemeSetting, (typeof THEMES)[number]>,
  Covers<HighlightStyle, (typeof HIGHLIGHT_STYLES)[number]>,
  Covers<HoverDelay, (typeof HOVER_DELAYS)[number]>,
] = [true, true, true, true];
void listsAreComplete;

/** The latest instant a JavaScript Date can hold. */
const MAX_TIME = 8.64e15;

const count = (n: number) => n.toLocaleString('en-US');

/** A value as it can be quoted in a message: short, on one line. */
export function preview(value: unknown): string {
  if (typeof value !== 'string') return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value);
  const chars = [...value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')]; // code points: never half an emoji
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

const oneOf = (options: readonly string[]) => (issue: { input: unknown }) =>
  `is not one of ${options.join(', ')} (${preview(issue.input)})`;

const longerThan = (max: number) => (issue: { input: string | unknown[] }) =>
  `is longer than ${count(max)} characters (it has ${count(issue.input.length)})`;

const text = (max: number) => v.pipe(v.string('is not text'), v.maxLength(max, longerThan(max)));

const nonBlankText = (max: number) =>
  v.pipe(v.string('is not text'), v.maxLength(max, longerThan(max)), v.check((s) => s.trim() !== '', 'is empty'));

const timestamp = v.pipe(
  v.number('is not a time (a number of milliseconds since 1970)'),
  v.integer((issue) => `is not a whole number of milliseconds (${issue.input})`),
  v.minValue(0, (issue) => `is a negative time (${issue.input}), before 1970`),
  v.maxValue(MAX_TIME, (issue) => `is not a date ICAT Lens can read (${issue.input} is too far in the future)`),
);

/** Only http(s): a javascript: or data: address would run or show anything if a page ever linked it. */
export function isWebUrl(url: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(url)) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}

const webUrl = v.pipe(
  v.string('is not text'),
  v.maxLength(BACKUP_LIMITS.maxUrlLength, longerThan(BACKUP_LIMITS.maxUrlLength)),
  v.check(isWebUrl, (issue) => `is not a web address (${preview(issue.input)})`),
);

/** ISO 8601 date and time with a zone, as Date.toISOString writes it: 2026-11-30T09:15:00.000Z. */
export function isIsoDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const zoneOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && zoneOk && !Number.isNaN(Date.parse(s));
}

const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.?$|^\[[0-9a-f:.]+\]$/;

const TagSchema = v.pipe(
  v.string('is not text'),
  v.maxLength(BACKUP_LIMITS.maxTagLength, longerThan(BACKUP_LIMITS.maxTagLength)),
  v.check((s) => s.trim() !== '', 'is empty'),
);

const BookmarkSchema = v.strictObject(
  {
    id: v.pipe(
      v.string('is not text'),
      v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, (issue) => `is not a bookmark id (letters, digits and "-", at most 100 characters): ${preview(issue.input)}`),
    ),
    itemId: v.pipe(
      v.string('is not text'),
      v.maxLength(120, longerThan(120)),
      v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, (issue) => `is not a library id like "icat-policy-paper-2-demand" (${preview(issue.input)})`),
    ),
    itemKind: v.picklist(KINDS, oneOf(KINDS)),
    title: nonBlankText(BACKUP_LIMITS.maxTitleLength),
    note: text(BACKUP_LIMITS.maxNoteLength),
    tags: v.pipe(
      v.array(TagSchema, 'is not a list'),
      v.maxLength(BACKUP_LIMITS.maxTags, (issue) => `has ${count(issue.input.length)} tags; a bookmark has at most ${BACKUP_LIMITS.maxTags}`),
    ),
    createdAt: timestamp,
    updatedAt: timestamp,
    foundAt: v.optional(
      v.strictObject(
        { url: webUrl, title: text(BACKUP_LIMITS.maxPageTitleLength), quote: text(BACKUP_LIMITS.maxQuoteLength) },
        'is not a page (an object with url, title and quote)',
      ),
    ),
  },
  (issue) => `is not a bookmark (an object with id, itemId, title, …) but ${preview(issue.input)}`,
);

const SettingsSchema = v.strictObject(
  {
    version: v.pipe(
      v.number('is not a number'),
      v.integer('is not a whole number'),
      v.minValue(1, (issue) => `is ${issue.input}, which no ICAT Lens ever wrote`),
      v.maxValue(
        SETTINGS_VERSION,
        (issue) => `is ${issue.input}, from a newer ICAT Lens; this version reads settings up to version ${SETTINGS_VERSION}`,
      ),
    ),
    enabled: v.optional(v.boolean('is not true or false')),
    theme: v.optional(v.picklist(THEMES, oneOf(THEMES))),
    highlightKinds: v.optional(
      v.pipe(
        v.array(v.picklist(HIGHLIGHT_KINDS, oneOf(HIGHLIGHT_KINDS)), 'is not a list'),
        v.maxLength(HIGHLIGHT_KINDS.length, `has more than the ${HIGHLIGHT_KINDS.length} kinds there are`),
      ),
    ),
    highlightStyle: v.optional(v.picklist(HIGHLIGHT_STYLES, oneOf(HIGHLIGHT_STYLES))),
    hoverDelay: v.optional(v.picklist(HOVER_DELAYS, oneOf(HOVER_DELAYS))),
  },
  (issue) => `are not settings (an object with version, theme, …) but ${preview(issue.input)}`,
);

const BackupSchema = v.strictObject(
  {
    format: v.literal(BACKUP_FORMAT),
    version: v.literal(BACKUP_VERSION),
    exportedAt: v.pipe(
      v.string('is not text'),
      v.check(isIsoDateTime, (issue) => `is not a date and time like 2026-11-30T09:15:00.000Z (${preview(issue.input)})`),
    ),
    datasetVersion: v.nullable(
      v.pipe(
        v.string('is not text or null'),
        v.maxLength(40, longerThan(40)),
        v.regex(/^\d{4}\.\d{1,2}\.\d{1,2}(?:-\d+)?$/, (issue) => `is not a dataset version like 2026.11.30 (${preview(issue.input)})`),
      ),
    ),
    bookmarks: v.pipe(
      v.array(BookmarkSchema, 'is not a list'),
      v.maxLength(BACKUP_LIMITS.maxBookmarks, `has more than ${count(BACKUP_LIMITS.maxBookmarks)} bookmarks`),
    ),
    settings: SettingsSchema,
    disabledSites: v.pipe(
      v.array(
        v.pipe(
          v.string('is not text'),
          v.maxLength(BACKUP_LIMITS.maxHostLength, longerThan(BACKUP_LIMITS.maxHostLength)),
          v.regex(HOST, (issue) => `is not a site name like "example.org" (${preview(issue.input)})`),
        ),
        'is not a list',
      ),
      v.maxLength(BACKUP_LIMITS.maxDisabledSites, `has more than ${count(BACKUP_LIMITS.maxDisabledSites)} sites`),
    ),
  },
  'is not an ICAT Lens backup',
);

// The schema's bookmarks are exactly Bookmarks: compile-time check both ways.
type ParsedBookmark = v.InferOutput<typeof BookmarkSchema>;
const bookmarkShapeMatches: [Covers<ParsedBookmark, Bookmark>, Covers<Bookmark, ParsedBookmark>] = [true, true];
void bookmarkShapeMatches;

// ---------------------------------------------------------------------------------------------------------
// Where a problem is, in words

type PathKey = string | number;

const TOP_FIELDS: Record<string, string> = {
  format: 'the format',
  version: 'the version',
  exportedAt: 'the export date',
  datasetVersion: 'the dataset version',
  bookmarks: 'the list of bookmarks',
  settings: 'the settings',
  disabledSites: 'the list of sites where ICAT Lens is off',
};

const BOOKMARK_FIELDS: Record<string, string> = {
  id: 'the bookmark id',
  itemId: 'the library item id',
  itemKind: 'the kind of item',
  title: 'the title',
  note: 'the note',
  tags: 'the list of tags',
  createdAt: 'the creation time',
  updatedAt: 'the time of the last change',
  foundAt: 'the page where it was found',
  'foundAt.url': 'the page address',
  'foundAt.title': 'the page title',
  'foundAt.quote': 'the quoted text',
};

const SETTINGS_FIELDS: Record<string, string> = {
  version: 'the settings version',
  enabled: 'the on/off switch',
  theme: 'the theme',
  highlightKinds: 'the list of highlighted kinds',
  highlightStyle: 'the highlight style',
  hoverDelay: 'the hover delay',
};

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const own = (labels: Record<string, string>, key: string) => (Object.hasOwn(labels, key) ? labels[key] : undefined);

/** "Bookmark 12: the page address", "The settings: the theme", "The export date", "The backup". */
export function describePath(path: readonly PathKey[]): string {
  const [top, index, ...rest] = path;
  if (top === undefined) return 'The backup';
  const fieldName = (labels: Record<string, string>, keys: readonly PathKey[]) => {
    const joined = keys.join('.');
    return own(labels, joined) ?? `the field "${preview(joined)}"`;
  };
  if (top === 'bookmarks' && typeof index === 'number') {
    const where = `Bookmark ${index + 1}`;
    if (!rest.length) return where;
    if (rest[0] === 'tags' && typeof rest[1] === 'number') return `${where}: tag ${rest[1] + 1}`;
    return `${where}: ${fieldName(BOOKMARK_FIELDS, rest)}`;
  }
  if (top === 'disabledSites' && typeof index === 'number') return `Site ${index + 1} in the list of sites where ICAT Lens is off`;
  if (top === 'settings' && index !== undefined) {
    if (index === 'highlightKinds' && typeof rest[0] === 'number') return `The settings: highlighted kind ${rest[0] + 1}`;
    return `The settings: ${fieldName(SETTINGS_FIELDS, [index, ...rest])}`;
  }
  return upperFirst(fieldName(TOP_FIELDS, path.slice(0, 1))) + (index === undefined ? '' : ` (at ${path.slice(1).join('.')})`);
}

function issueMessage(issue: v.GenericIssue): string {
  const path = (issue.path ?? []).map((item) => item.key as PathKey);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = path.pop();
    const subject = describePath(path);
    return `${subject} ${subject === 'The settings' ? 'have' : 'has'} an unknown field "${preview(key)}"`;
  }
  if (issue.type === 'strict_object' && issue.received === 'undefined' && issue.expected?.startsWith('"')) {
    return `${describePath(path)} is missing`;
  }
  return `${describePath(path)} ${issue.message}`;
}

/** One message for the file: the first problem, and how many more there are. */
function summarise(problems: readonly string[]): string {
  const unique = [...new Set(problems)];
  const more = unique.length - 1;
  return more > 0 ? `${unique[0]} (and ${count(more)} more problem${more === 1 ? '' : 's'} in this file)` : unique[0]!;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Trail = { up: Trail; key: PathKey } | null;
const trailToPath = (trail: Trail): PathKey[] => {
  const path: PathKey[] = [];
  for (let t = trail; t; t = t.up) path.unshift(t.key);
  return path;
};

/**
 * The first key anywhere in `root` that could pollute a prototype if some code later merged this object
 * into another. JSON.parse itself only makes such keys own properties, so finding them here is in time.
 * Iterative, so a deeply nested file cannot overflow the stack.
 */
export function findForbiddenKey(root: unknown): { key: string; path: PathKey[] } | null {
  const stack: [unknown, Trail][] = [[root, null]];
  while (stack.length) {
    const [node, trail] = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (node[i] !== null && typeof node[i] === 'object') stack.push([node[i], { up: trail, key: i }]);
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        if (FORBIDDEN_KEYS.has(key)) return { key, path: trailToPath(trail) };
        const child = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push([child, { up: trail, key }]);
      }
    }
  }
  return null;
}

/** True when `text` looks like JSON cut short: an open string, object or list at the end. */
export function looksTruncated(text: string): boolean {
  const body = text.trim();
  if (!/^[[{]/.test(body)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

const fail = (error: string): BackupParse => ({ ok: false, error });

/** Reads a backup file's text. Never throws. */
export function parseBackup(text: string): BackupParse {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty: there is no backup in it.');
  if (body.length > BACKUP_LIMITS.maxChars) {
    return fail(
      `The file is too large to be an ICAT Lens backup (${count(Math.round(body.length / 1024 / 1024))} MB; backups are read up to ${count(BACKUP_LIMITS.maxChars / 1024 / 1024)} MB).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    if (looksTruncated(body)) {
      return fail('The file ends too early: the backup in it is incomplete (was the download or copy interrupted?).');
    }
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`This file is not an ICAT Lens backup: it is not valid JSON (${preview(detail ?? '')}).`);
  }
  return validateBackup(value);
}

/**
 * Checks an already-parsed value. Also useful before offering a backup for download: a backup that
 * would not read back (a note stored over the limit) is better caught then than on restore.
 */
export function validateBackup(value: unknown): BackupParse {
  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    const where = forbidden.path.length ? `in ${lowerFirst(describePath(forbidden.path))}` : 'at the top level';
    return fail(
      `This file contains a field named "${forbidden.key}" (${where}). No backup has such a field, and it can be used to attack programs, so ICAT Lens refuses the file.`,
    );
  }
  if (Array.isArray(value)) {
    return fail('This file holds a list, not an ICAT Lens backup (a backup starts with "format": "icat-lens-backup"). Is it a citation export?');
  }
  if (value === null || typeof value !== 'object') {
    return fail(`This file is not an ICAT Lens backup: it holds ${preview(value)}, not a backup.`);
  }
  const top = value as Record<string, unknown>;
  if (top.format === DATASET_FORMAT) {
    return fail('This file is an ICAT library dataset, not an ICAT Lens backup of bookmarks and settings.');
  }
  if (!('format' in top)) return fail('This file is not an ICAT Lens backup: it has no "format" field.');
  if (top.format !== BACKUP_FORMAT) {
    return fail(`This file is not an ICAT Lens backup: its format is "${preview(top.format)}", not "${BACKUP_FORMAT}".`);
  }
  if (typeof top.version !== 'number' || !Number.isInteger(top.version) || top.version < 1) {
    return fail(
      `This ICAT Lens backup has no valid version number (${'version' in top ? preview(top.version) : 'none'}); this version of ICAT Lens reads version ${BACKUP_VERSION}.`,
    );
  }
  if (top.version !== BACKUP_VERSION) {
    return fail(`This file is an ICAT Lens backup of version ${top.version}; this version of ICAT Lens reads version ${BACKUP_VERSION}.`);
  }
  if (Array.isArray(top.bookmarks) && top.bookmarks.length > BACKUP_LIMITS.maxBookmarks) {
    return fail(`This backup holds ${count(top.bookmarks.length)} bookmarks; ICAT Lens reads at most ${count(BACKUP_LIMITS.maxBookmarks)}.`);
  }

  const parsed = v.safeParse(BackupSchema, value);
  if (!parsed.success) return fail(summarise(parsed.issues.map(issueMessage)));

  const problems = findDuplicatesAndTimeTravel(parsed.output.bookmarks);
  if (problems.length) return fail(summarise(problems));

  const { output } = parsed;
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: output.exportedAt,
      datasetVersion: output.datasetVersion,
      bookmarks: output.bookmarks,
      settings: migrateSettings(output.settings),
      disabledSites: output.disabledSites,
    },
  };
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function findDuplicatesAndTimeTravel(bookmarks: readonly Bookmark[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, number>();
  const byItem = new Map<string, number>();
  bookmarks.forEach((b, i) => {
    const sameId = byId.get(b.id);
    if (sameId !== undefined) problems.push(`Bookmark ${i + 1} has the same id as bookmark ${sameId + 1} ("${preview(b.id)}"); each bookmark needs its own id`);
    else byId.set(b.id, i);
    const sameItem = byItem.get(b.itemId);
    if (sameItem !== undefined) {
      problems.push(`Bookmark ${i + 1} is a second bookmark for the same item as bookmark ${sameItem + 1} (${b.itemId}); a backup holds one bookmark per item`);
    } else byItem.set(b.itemId, i);
    if (b.updatedAt < b.createdAt) {
      problems.push(
        `Bookmark ${i + 1}: its last change (${new Date(b.updatedAt).toISOString()}) is before its creation (${new Date(b.createdAt).toISOString()})`,
      );
    }
  });
  return problems;
}
