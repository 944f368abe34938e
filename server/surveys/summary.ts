// How a survey is shown in lists (an evaluation's surveys, GET /api/surveys): the row's facts
// and the title of its current definition, never the whole definition.
import type { SurveyListing } from '../db/surveys.ts';

export function surveySummary(s: SurveyListing) {
  let title = '';
  try {
    title = String((JSON.parse(s.definition) as { title?: unknown }).title ?? '');
  } catch {
    // Stored definitions were parsed before they were written; a title is only for display.
  }
  return {
    id: s.id,
    slug: s.slug,
    title,
    evaluationId: s.evaluation_id,
    status: s.status,
    group: s.respondent_group,
    currentVersion: Number(s.current_version),
    responses: s.responses,
    createdAt: s.created_at,
    openedAt: s.opened_at,
    closedAt: s.closed_at,
  };
}

export type SurveySummary = ReturnType<typeof surveySummary>;
