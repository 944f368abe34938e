import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './migrations/001_initial.ts';
import * as m002 from './migrations/002_fieldwork.ts';
import * as m003 from './migrations/003_results.ts';
import * as m004 from './migrations/004_exports.ts';
import * as m005 from './migrations/005_sheet.ts';
import * as m006 from './migrations/006_paper_issues.ts';
import * as m007 from './migrations/007_survey_population.ts';

// Listed here rather than read from a folder, so the migrations travel inside any bundle.
const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_fieldwork': m002,
  '003_results': m003,
  '004_exports': m004,
  '005_sheet': m005,
  '006_paper_issues': m006,
  '007_survey_population': m007,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'manyidu_migrations', migrationLockTableName: 'manyidu_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
