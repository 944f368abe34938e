// The slices evaluators cut results, response lists and exports by, as query parameters: one
// schema, so every route refuses the same values with the same message.
import { z } from 'zod';

/** A respondent group's or a channel's key in a query. */
export const sliceKey = z.string().min(1).max(64);

/** `?group=` and `?channel=`, each optional: the whole survey when neither is given. */
export const sliceQuery = z.strictObject({ group: sliceKey.optional(), channel: sliceKey.optional() });
