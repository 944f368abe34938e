// The id of a questionnaire typed in by an evaluator: made once per questionnaire, so a retry
// after a lost answer sends the same id and the server stores it once. Version 7, time-ordered,
// as the server gives respondents (server/responses/ids.ts); the library draws its randomness from
// crypto.getRandomValues, which unlike crypto.randomUUID also exists on an office LAN served over
// plain http.
import { v7 } from 'uuid';

export const newUuid = (): string => v7();
