// The query parameters that evaluators' lists, figures and exports share: one schema each, so
// every route refuses the same values with the same message.
import { z } from 'zod';

/** A respondent group's or a channel's key in a query. */
export const sliceKey = z.string().min(1).max(64);

/** `?group=` and `?channel=`, each optional: the whole survey when neither is given. */
export const sliceQuery = z.strictObject({ group: sliceKey.optional(), channel: sliceKey.optional() });

/**
 * `?after=` of a page of responses: the seq of the last one seen. Seqs are an integer column,
 * and PostgreSQL refuses to compare one with a number no such column holds.
 */
export const afterSeq = z.coerce.number().int().min(0).max(2 ** 31 - 1);
