// Row types, one per table, apart from the domain types of surveys/ and scoring/:
// what the database holds (text, integers, ISO strings), not what the code reasons with.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface Database {
  settings: SettingsTable;
  users: UsersTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  invitation_tokens: InvitationTokensTable;
  paper_issues: PaperIssuesTable;
  responses: ResponsesTable;
  chain_heads: ChainHeadsTable;
  evaluations: EvaluationsTable;
  evaluation_members: EvaluationMembersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  survey_sources: SurveySourcesTable;
  imports: ImportsTable;
  level_counts: LevelCountsTable;
  response_counts: ResponseCountsTable;
  response_flags: ResponseFlagsTable;
  exclusions: ExclusionsTable;
  excluded_responses: ExcludedResponsesTable;
  exports: ExportsTable;
  framework_versions: FrameworkVersionsTable;
  indicator_entries: IndicatorEntriesTable;
  sheet_exports: SheetExportsTable;
}

/** Paper forms issued (发放) for a survey, one row per entry; a correction is a negative count. */
export interface PaperIssuesTable {
  survey_id: string;
  seq: number;
  count: number;
  note: string | null;
  user_id: string;
  created_at: string;
}

/** Values every process must agree on (the cookie-signing secret), so no process keeps its own. */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: string;
  username: string;
  /** scrypt$N$r$p$salt$hash — the parameters travel with the hash. */
  password_hash: string;
  role: 'admin' | 'evaluator';
  disabled: Generated<number>;
  created_at: string;
}

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface SurveysTable {
  id: string;
  slug: string;
  evaluation_id: string | null;
  status: SurveyStatus;
  /** The version respondents get now; earlier responses keep the version they answered. */
  current_version: number;
  respondent_group: string;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  /** 总体规模 N for the sample-size planner; null for a large or unknown population. */
  population: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Definitions are never edited in place: an edit is a new version (triggers refuse UPDATE/DELETE). */
export interface SurveyVersionsTable {
  survey_id: string;
  version: number;
  definition: string;
  created_at: string;
}

export interface InvitationTokensTable {
  token: string;
  survey_id: string;
  label: string | null;
  created_at: string;
  /** Place in the list it was created with (a company list keeps its order); null before 002. */
  position: number | null;
}

/** Append-only: triggers refuse UPDATE and DELETE; exclusions are rows of their own. */
export interface ResponsesTable {
  id: string;
  survey_id: string;
  /** Position in the survey's hash chain, 1-based. */
  seq: number;
  definition_version: number;
  channel: string;
  respondent_group: string;
  /** NULL for link responses; unique where present, so a token answers once. */
  token: string | null;
  device: string | null;
  network: string | null;
  source: string | null;
  started_at: string | null;
  submitted_at: string;
  /** The answers as JSON text in question order, exactly the text the hash covers. */
  answers: string;
  prev_hash: string;
  hash: string;
}

/** The last link of each survey's chain; its row is the lock that keeps concurrent writers in line. */
export interface ChainHeadsTable {
  survey_id: string;
  seq: number;
  hash: string;
}

/** 评价项目: one performance evaluation; its surveys point to it by surveys.evaluation_id. */
export interface EvaluationsTable {
  id: string;
  name: string;
  /** The evaluated unit (被评价单位). */
  unit: string;
  year: number;
  framework: string | null;
  created_by: string | null;
  created_at: string;
}

export interface EvaluationMembersTable {
  evaluation_id: string;
  user_id: string;
  added_at: string;
}

/** A login session; the cookie holds the id, the table only its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

/** One failed login under a throttling key (`user:NAME` or `net:HASH`). */
export interface LoginFailuresTable {
  id: string;
  key: string;
  failed_at: string;
}

/** An entry point of a survey: a poster's source code (`?src=`) and, for a tablet, a kiosk key. */
export interface SurveySourcesTable {
  survey_id: string;
  code: string;
  label: string;
  kiosk_key: string | null;
  created_at: string;
}

/** One file imported into a survey (append-only); its responses carry `import:<sha256>` as source. */
export interface ImportsTable {
  id: string;
  survey_id: string;
  file_name: string;
  sha256: string;
  user_id: string;
  created_at: string;
  rows_accepted: number;
  rows_rejected: number;
  /** The mapping used, as JSON, so the import can be explained later. */
  mapping: string;
}

/** One file handed out (issue 5), append-only: what an evaluator shows the finance bureau. */
export interface ExportsTable {
  id: string;
  survey_id: string;
  user_id: string;
  /** responses.csv, responses.xlsx, results.xlsx, results.json or report.txt */
  kind: string;
  /** The filters applied, as JSON. */
  filters: string;
  /** Response rows in the file (for results: the valid responses behind the figures). */
  rows: number;
  sha256: string;
  bytes: number;
  chain_seq: number;
  chain_head: string;
  last_hash: string | null;
  created_at: string;
}

/**
 * Answers per likert level of the valid responses, kept on write and on every exclusion, so that
 * results read a few thousand rows however many responses there are. `level` is the code as text,
 * or `na` for not applicable.
 */
export interface LevelCountsTable {
  survey_id: string;
  respondent_group: string;
  channel: string;
  definition_version: number;
  question_id: string;
  level: string;
  n: number;
}

/** Responses received, by group, channel and status (`valid`, `ineligible`, `excluded`). */
export interface ResponseCountsTable {
  survey_id: string;
  respondent_group: string;
  channel: string;
  status: string;
  n: number;
}

/** A quality flag a response carries on its own (append-only; advice, never an exclusion). */
export interface ResponseFlagsTable {
  response_id: string;
  survey_id: string;
  flag: string;
}

/** Every exclusion and restoration, with who, when and why (append-only: the history is kept). */
export interface ExclusionsTable {
  id: string;
  response_id: string;
  survey_id: string;
  action: 'exclude' | 'restore';
  reason: string;
  user_id: string;
  created_at: string;
}

/** The responses excluded now: the last word of the exclusions history, kept beside it. */
export interface ExcludedResponsesTable {
  response_id: string;
  survey_id: string;
  exclusion_id: string;
}

/** An evaluation's indicator system (issue 6); every change is a new version, never rewritten. */
export interface FrameworkVersionsTable {
  evaluation_id: string;
  version: number;
  /** The framework JSON as scored (a bundled one copied in). */
  framework: string;
  /** The bundled framework's name when chosen by name. */
  bundled: string | null;
  user_id: string;
  created_at: string;
}

/** One change of an indicator's input or survey binding (append-only); the latest per code counts. */
export interface IndicatorEntriesTable {
  evaluation_id: string;
  /** Order of the evaluation's entries, 1-based. */
  seq: number;
  kind: 'input' | 'binding';
  code: string;
  /** JSON; null clears the input or binding. */
  value: string | null;
  user_id: string;
  created_at: string;
}

/** One sheet file handed out (append-only), with the survey figures and chain heads it used. */
export interface SheetExportsTable {
  id: string;
  evaluation_id: string;
  user_id: string;
  /** sheet.xlsx, sheet.json, report-tables.xlsx or report-tables.html */
  kind: string;
  framework_version: number;
  entries_seq: number;
  /** JSON: [{ surveyId, code, n, rate, chain: { seq, hash } }] */
  sources: string;
  sha256: string;
  bytes: number;
  created_at: string;
}

export type FrameworkVersionRow = Selectable<FrameworkVersionsTable>;
export type IndicatorEntryRow = Selectable<IndicatorEntriesTable>;
export type SheetExportRow = Selectable<SheetExportsTable>;
export type ExclusionRow = Selectable<ExclusionsTable>;
export type SurveyRow = Selectable<SurveysTable>;
export type UserRow = Selectable<UsersTable>;
export type EvaluationRow = Selectable<EvaluationsTable>;
export type SurveySourceRow = Selectable<SurveySourcesTable>;
export type ImportRow = Selectable<ImportsTable>;
export type ExportRow = Selectable<ExportsTable>;
export type ResponseRow = Selectable<ResponsesTable>;
export type NewResponseRow = Insertable<ResponsesTable>;
