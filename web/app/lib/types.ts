// The shapes the evaluator API answers with (server/routes/*), as far as the app reads them.
import type { SurveyDefinition } from '../../../surveys/index.ts';

export interface User {
  id: string;
  username: string;
  role: 'admin' | 'evaluator';
  disabled: boolean;
  createdAt: string;
}

export interface Evaluation {
  id: string;
  name: string;
  unit: string;
  year: number;
  createdAt: string;
}

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface SurveySummary {
  id: string;
  slug: string;
  title: string;
  evaluationId: string;
  status: SurveyStatus;
  group: string;
  currentVersion: number;
  responses: number;
}

export interface Member {
  id: string;
  username: string;
  role: string;
  disabled: boolean;
}

export interface SurveyDetail {
  survey: SurveySummary & { url: string };
  definition: SurveyDefinition;
  versions: { version: number; createdAt: string; responses: number }[];
  channels: Record<string, number>;
  tokens: { issued: number; used: number };
}

export interface Source {
  code: string;
  label: string;
  url: string;
  kioskUrl: string | null;
}

export interface Token {
  token: string;
  label: string | null;
  used: boolean;
  url: string;
}
