/**
 * The ICAT Lens database. It lives in the extension's origin and only the background (and extension pages)
 * open it: a content script that opened it would get the web page's IndexedDB instead.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Agency, Ambiguity, ContextRule, Person, Publication, Term } from '../data/schema';
import { DB_NAME } from '../constants';
import type { Bookmark, MetaRow, Retirable, StoredEvent } from './records';
import { declareSchema, SCHEMA_VERSIONS, type SchemaVersion } from './schema-versions';

export class LibraryDatabase extends Dexie {
  agencies!: Table<Agency & Retirable, string>;
  publications!: Table<Publication & Retirable, string>;
  events!: Table<StoredEvent & Retirable, string>;
  people!: Table<Person & Retirable, string>;
  terms!: Table<Term & Retirable, string>;
  contextRules!: Table<ContextRule, string>;
  ambiguities!: Table<Ambiguity, string>;
  bookmarks!: Table<Bookmark, string>;
  meta!: Table<MetaRow, string>;

  constructor(
    name: string = DB_NAME,
    options: DexieOptions = {},
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
  ) {
    super(name, options);
    declareSchema(this, versions);
  }
}
