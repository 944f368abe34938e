// The surveys respondents reach by slug, as the public routes need them: the row (status,
// current version) re-read after a short time, so a survey closed by another process stops taking
// answers here too; the definition and its validator, built once per version, since a version
// never changes. The writer re-checks the status inside its transaction, so this cache only
// decides how fast a late respondent hears 410, never whether a response is stored.
import type { Kysely } from 'kysely';
import { buildAnswerValidator, parseDefinition, type SurveyDefinition } from '../../surveys/index.ts';
import type { Database, SurveyRow } from '../db/schema.ts';
import { definitionText, findSurveyBySlug } from '../db/surveys.ts';

export interface PublishedSurvey {
  row: SurveyRow;
  definition: SurveyDefinition;
  validate: ReturnType<typeof buildAnswerValidator>;
}

type Version = Omit<PublishedSurvey, 'row'>;

export class PublishedSurveys {
  private rows = new Map<string, { row: SurveyRow | undefined; at: number }>();
  private versions = new Map<string, Version>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(slug: string): Promise<PublishedSurvey | undefined> {
    const row = await this.row(slug);
    if (!row) return undefined;
    const key = `${row.id}:${row.current_version}`;
    let version = this.versions.get(key);
    if (!version) {
      version = await this.loadVersion(row);
      this.versions.set(key, version);
    }
    return { row, ...version };
  }

  /** Forget a survey's row now (after this process opened or closed it). */
  forget(slug: string): void {
    this.rows.delete(slug);
  }

  private async row(slug: string): Promise<SurveyRow | undefined> {
    const cached = this.rows.get(slug);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.row;
    const row = await findSurveyBySlug(this.db, slug);
    // Bound the cache: slugs come from URLs anyone can type.
    if (this.rows.size > 10_000) this.rows.clear();
    this.rows.set(slug, { row, at: this.now() });
    return row;
  }

  private async loadVersion(row: SurveyRow): Promise<Version> {
    const text = await definitionText(this.db, row.id, row.current_version);
    if (text === undefined) throw new Error(`survey ${row.id} has no version ${row.current_version}`);
    const parsed = parseDefinition(JSON.parse(text));
    if (!parsed.ok) throw new Error(`stored definition of survey ${row.id} v${row.current_version} no longer parses: ${parsed.issues[0]?.message}`);
    return { definition: parsed.definition, validate: buildAnswerValidator(parsed.definition) };
  }
}
