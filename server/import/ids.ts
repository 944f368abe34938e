// Response ids for imported rows, derived from the survey, the file's SHA-256 and the row number:
// importing the same file again (a retry after a lost answer, a second evaluator at the same
// moment) makes the same ids, and the database's primary key refuses them as duplicates.
import { createHash } from 'node:crypto';

export function importedResponseId(surveyId: string, fileSha256: string, row: number): string {
  const h = createHash('sha256').update(`manyidu-import\n${surveyId}\n${fileSha256}\n${row}`).digest('hex');
  // Shaped as an RFC 9562 UUID of version 8 (application-defined), variant 10.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
