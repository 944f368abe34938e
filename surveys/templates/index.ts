import { parseDefinition, type SurveyDefinition } from '../definition.ts';
import publicTemplate from './public.json' with { type: 'json' };
import enterpriseTemplate from './enterprise.json' with { type: 'json' };

// The bundled questionnaires (DESIGN §5): the seed's public survey and an enterprise one. Parsed
// at import so a broken template stops the server at start, not a respondent at submit.

export const templateNames = ['public', 'enterprise'] as const;
export type TemplateName = (typeof templateNames)[number];

function load(name: TemplateName, json: unknown): SurveyDefinition {
  const parsed = parseDefinition(json);
  if (!parsed.ok) {
    throw new Error(`survey template "${name}" is invalid:\n${parsed.issues.map((i) => `  ${i.message}`).join('\n')}`);
  }
  return parsed.definition;
}

export const templates: Record<TemplateName, SurveyDefinition> = {
  public: load('public', publicTemplate),
  enterprise: load('enterprise', enterpriseTemplate),
};

export function isTemplateName(name: string): name is TemplateName {
  return (templateNames as readonly string[]).includes(name);
}
