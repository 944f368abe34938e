// The framework an evaluation scores by: the latest stored version, parsed once (a version never
// changes, so the parse is kept by evaluation and version). An evaluation created with a
// framework in its body (issue 4 stored it unparsed) and never given one since scores by that,
// as version 0.
import type { Kysely } from 'kysely';
import { bundledFramework, parseFramework, type Framework } from '../../scoring/index.ts';
import type { Database, EvaluationRow } from '../db/schema.ts';
import { latestFrameworkVersion } from '../db/frameworks.ts';
import { ApiError } from '../http/errors.ts';
import { issuesFromScoring } from './issues.ts';

export interface CurrentFramework {
  version: number;
  bundled: string | null;
  createdAt: string;
  /** The JSON as stored. */
  json: unknown;
  framework: Framework;
}

/** A framework named by its bundle or given inline, as the JSON to store; 422 when it does not parse. */
export function resolveFramework(given: string | Record<string, unknown>): { json: unknown; bundled: string | null; framework: Framework } {
  const bundled = typeof given === 'string' ? given : null;
  const json = bundled === null ? given : bundledFramework(bundled);
  if (json === undefined) {
    throw new ApiError(422, 'unknown_framework', `no bundled framework named "${bundled}"`, [
      { field: 'framework', code: 'unknown_framework', message: `framework: no bundled framework named "${bundled}" (known: department-overall)` },
    ]);
  }
  const parsed = parseFramework(json);
  if (!parsed.ok) {
    const issues = issuesFromScoring(parsed.issues, 'invalid_framework').map((i) => ({ ...i, field: `framework.${i.field}` }));
    throw new ApiError(422, 'invalid_framework', issues.map((i) => i.message).join('; '), issues);
  }
  return { json, bundled, framework: parsed.value };
}

const parsedVersions = new Map<string, Framework>();

function parsedOnce(key: string, json: unknown): Framework | null {
  let framework = parsedVersions.get(key);
  if (!framework) {
    const parsed = parseFramework(json);
    if (!parsed.ok) return null;
    framework = parsed.value;
    if (parsedVersions.size >= 500) parsedVersions.clear();
    parsedVersions.set(key, framework);
  }
  return framework;
}

/** The evaluation's current framework, or null while it has none. */
export async function currentFramework(db: Kysely<Database>, evaluation: EvaluationRow): Promise<CurrentFramework | null> {
  const row = await latestFrameworkVersion(db, evaluation.id);
  if (row) {
    const json = JSON.parse(row.framework) as unknown;
    const framework = parsedOnce(`${evaluation.id}:${row.version}`, json);
    if (!framework) throw new ApiError(409, 'framework_unreadable', `framework version ${row.version} no longer parses`);
    return { version: row.version, bundled: row.bundled, createdAt: row.created_at, json, framework };
  }
  if (evaluation.framework === null) return null;
  // Version 0: whatever the evaluation was created with, checked only now.
  const given = JSON.parse(evaluation.framework) as string | Record<string, unknown>;
  try {
    const resolved = resolveFramework(given);
    return { version: 0, bundled: resolved.bundled, createdAt: evaluation.created_at, json: resolved.json, framework: resolved.framework };
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError(409, 'framework_invalid', `the framework the evaluation was created with does not parse: ${error.message}; PUT a framework`);
    throw error;
  }
}

/** The current framework, or 409 telling the caller to choose one first. */
export async function requireFramework(db: Kysely<Database>, evaluation: EvaluationRow): Promise<CurrentFramework> {
  const current = await currentFramework(db, evaluation);
  if (!current) throw new ApiError(409, 'no_framework', 'choose the evaluation\'s framework first (PUT /api/evaluations/:id/framework)');
  return current;
}
