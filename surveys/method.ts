// The declared method (DESIGN §3) is fixed when a survey opens: a later version may reword
// questions or add some, but the rule that turns answers into rates must be the one printed
// beside every result. What counts as the method: `method` itself, and each scale's level codes,
// weights and not-applicable code (weights are the method of a `weighted` survey; codes are what
// `satisfied` names).
import type { SurveyDefinition } from './definition.ts';

/** Where `after` declares another method than `before`, as definition paths; empty when the same. */
export function methodChanges(before: SurveyDefinition, after: SurveyDefinition): string[] {
  const changes: string[] = [];
  if (JSON.stringify(before.method) !== JSON.stringify(after.method)) changes.push('method');
  for (const [id, scale] of Object.entries(before.scales ?? {})) {
    const next = after.scales?.[id];
    const shape = (s: typeof scale | undefined) =>
      s && JSON.stringify([s.levels.map((l) => [l.code, l.weight]), s.notApplicable?.code ?? null]);
    if (shape(scale) !== shape(next)) changes.push(`scales.${id}`);
  }
  return changes;
}
