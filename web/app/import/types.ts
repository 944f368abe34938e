import type { RejectedRow } from './prefill.ts';

/** POST /api/surveys/:id/import/preview (server/routes/import.ts). */
export interface ImportPreview {
  file: { name: string; sha256: string; format: 'csv' | 'xlsx'; encoding?: string };
  header: string[];
  columns: { column: string; question: string }[];
  unmappedRequired: string[];
  rows: number;
  accepted: number;
  rejected: RejectedRow[];
  alreadyImported: { createdAt: string; fileName: string } | null;
}

export interface ImportDone {
  import: { fileName: string; rowsAccepted: number; rowsRejected: number };
}
