/**
 * The ICAT library dataset: its TypeScript types and the runtime validator that checks the bundled
 * dataset (in a test and at seed time) and, later, data packs and imports.
 *
 * Types are inferred from the valibot schemas so the two can never drift apart.
 */
import * as v from 'valibot';

/** Bumped only when the *shape* of the dataset changes (not its contents). */
export const DATASET_FORMAT = 'icat-lens-dataset';
export const DATASET_SCHEMA_VERSION = 1;

/** Limits that keep a hostile or broken data pack from exhausting memory; generous for real data. */
export const DATASET_LIMITS = {
  maxRecordsPerTable: 20_000,
  maxStringLength: 4_000,
  maxSourcesPerRecord: 40,
  maxFormsPerEntity: 80,
} as const;

const str = (max: number = DATASET_LIMITS.maxStringLength) =>
  v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** Lower-case kebab ids, unique across the whole dataset (an id names one record of one kind). */
export const RecordIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case'),
  v.maxLength(120),
);

/** Only http(s) URLs: anything else (javascript:, data:) is never rendered as a link. */
export const SourceUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2_000),
  v.url(),
  v.check((u) => /^https?:\/\//i.test(u), 'sources must be http(s) URLs'),
);

const SourcesSchema = v.pipe(
  v.array(SourceUrlSchema),
  v.minLength(1, 'every record carries at least one source URL'),
  v.maxLength(DATASET_LIMITS.maxSourcesPerRecord),
);

/**
 * A partial ISO date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. Sorting these as strings sorts them in time.
 * Where the sources only bound a date, the earliest plausible value goes here and the caveat in `dateNote`.
 */
export const PartialDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const LanguageSchema = v.picklist(['en', 'fr', 'es', 'ar', 'mul']);
export type Language = v.InferOutput<typeof LanguageSchema>;

/**
 * One way an entity is written in running text. Acronyms match case-sensitively ('ILO' but not 'Ilo');
 * names and phrases case-insensitively. `context` names a ContextRule that must approve the mention.
 */
export const SurfaceFormSchema = v.strictObject({
  text: str(300),
  lang: LanguageSchema,
  caseSensitive: v.boolean(),
  context: v.optional(RecordIdSchema),
});
export type SurfaceForm = v.InferOutput<typeof SurfaceFormSchema>;

const FormsSchema = v.pipe(v.array(SurfaceFormSchema), v.maxLength(DATASET_LIMITS.maxFormsPerEntity));

/** Notes are where disagreeing sources and unverified details are stated plainly. */
const NotesSchema = v.optional(v.array(str()), []);

const LocalisedNameSchema = v.strictObject({
  en: str(400),
  fr: v.optional(str(400)),
  es: v.optional(str(400)),
  ar: v.optional(str(400)),
});

export const AgencyRoleSchema = v.picklist(['member', 'partner', 'historic-member', 'co-sponsor', 'other']);

export const AgencySchema = v.strictObject({
  id: RecordIdSchema,
  name: LocalisedNameSchema,
  /** The acronym to show ('UNODC'), plus per-language ones ('ONUDC'). */
  acronym: v.optional(str(40)),
  acronyms: v.optional(v.strictObject({ en: v.optional(str(40)), fr: v.optional(str(40)), es: v.optional(str(40)) })),
  role: AgencyRoleSchema,
  /** ICAT role in words: member since, co-chair years, coordinator. */
  icatRole: str(),
  website: v.optional(SourceUrlSchema),
  description: str(),
  forms: FormsSchema,
  sources: SourcesSchema,
  notes: NotesSchema,
});
export type Agency = v.InferOutput<typeof AgencySchema>;

export const PublicationSchema = v.strictObject({
  id: RecordIdSchema,
  /** 'policy paper', 'issue brief', 'overview paper', 'analytical review', 'joint statement', ... */
  type: str(80),
  /** As printed ('01', '8'); absent where not verified. */
  number: v.optional(str(20)),
  title: str(600),
  /** False where no source confirmed the exact title: the UI says so. */
  titleVerified: v.boolean(),
  titleVariants: v.optional(v.array(str(600)), []),
  date: v.optional(PartialDateSchema),
  dateNote: v.optional(str()),
  description: str(),
  url: v.optional(SourceUrlSchema),
  agencies: v.optional(v.array(RecordIdSchema), []),
  terms: v.optional(v.array(RecordIdSchema), []),
  forms: FormsSchema,
  sources: SourcesSchema,
  notes: NotesSchema,
});
export type Publication = v.InferOutput<typeof PublicationSchema>;

export const EventKindSchema = v.picklist(['meeting', 'launch', 'briefing', 'statement', 'milestone']);

export const EventParticipantSchema = v.strictObject({ person: RecordIdSchema, role: str(200) });

export const EventSchema = v.strictObject({
  id: RecordIdSchema,
  kind: EventKindSchema,
  title: str(600),
  date: v.optional(PartialDateSchema),
  dateNote: v.optional(str()),
  city: v.optional(str(120)),
  cityNote: v.optional(str()),
  description: str(),
  /** Publications launched or presented at this event. */
  launched: v.optional(v.array(RecordIdSchema), []),
  agencies: v.optional(v.array(RecordIdSchema), []),
  participants: v.optional(v.array(EventParticipantSchema), []),
  terms: v.optional(v.array(RecordIdSchema), []),
  sources: SourcesSchema,
  notes: NotesSchema,
});
export type IcatEvent = v.InferOutput<typeof EventSchema>;

export const PersonSchema = v.strictObject({
  id: RecordIdSchema,
  name: str(200),
  honorific: v.optional(str(80)),
  role: str(400),
  agency: v.optional(RecordIdSchema),
  description: str(),
  forms: FormsSchema,
  sources: SourcesSchema,
  notes: NotesSchema,
});
export type Person = v.InferOutput<typeof PersonSchema>;

/** 'instrument' covers treaties, protocols, plans and principles; 'term' concepts; 'initiative' campaigns and funds. */
export const TermKindSchema = v.picklist(['term', 'instrument', 'initiative']);

export const TermSchema = v.strictObject({
  id: RecordIdSchema,
  kind: TermKindSchema,
  name: LocalisedNameSchema,
  description: str(),
  forms: FormsSchema,
  publications: v.optional(v.array(RecordIdSchema), []),
  sources: SourcesSchema,
  notes: NotesSchema,
});
export type Term = v.InferOutput<typeof TermSchema>;

/**
 * A context rule decides whether an ambiguous surface form ('IOM', 'Ilo', 'demand', 'trafic') means our
 * entity. Words are matched case-insensitively within `window` words either side of the mention.
 * The mention counts only if some `requireAny` word is near (when given) and no `rejectAny` word is.
 */
export const ContextRuleSchema = v.strictObject({
  id: RecordIdSchema,
  description: str(),
  window: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
  requireAny: v.optional(v.array(str(80)), []),
  rejectAny: v.optional(v.array(str(80)), []),
  sources: SourcesSchema,
});
export type ContextRule = v.InferOutput<typeof ContextRuleSchema>;

/** A known collision (other ICATs, the Isle of Man, Ilo in Peru), kept as a readable record. */
export const AmbiguitySchema = v.strictObject({
  id: RecordIdSchema,
  form: str(120),
  collision: str(),
  example: v.optional(str()),
  rule: v.optional(RecordIdSchema),
  sources: SourcesSchema,
});
export type Ambiguity = v.InferOutput<typeof AmbiguitySchema>;

const table = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(DATASET_LIMITS.maxRecordsPerTable));

export const DatasetShapeSchema = v.strictObject({
  format: v.literal(DATASET_FORMAT),
  schemaVersion: v.literal(DATASET_SCHEMA_VERSION),
  /** Calendar version of the contents, e.g. '2026.11.30'; a change triggers a reseed. */
  version: v.pipe(v.string(), v.regex(/^\d{4}\.\d{1,2}\.\d{1,2}(?:-\d+)?$/, 'version is YYYY.MM.DD or YYYY.MM.DD-N')),
  title: str(200),
  agencies: table(AgencySchema),
  publications: table(PublicationSchema),
  events: table(EventSchema),
  people: table(PersonSchema),
  terms: table(TermSchema),
  contextRules: table(ContextRuleSchema),
  ambiguities: table(AmbiguitySchema),
});
export type Dataset = v.InferOutput<typeof DatasetShapeSchema>;

export type EntityKind = 'agency' | 'publication' | 'event' | 'person' | 'term' | 'instrument' | 'initiative';
