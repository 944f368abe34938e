// What a username and a new password must look like, shared by the admin API and the CLI.
import { z } from 'zod';
import { patternRule } from '../../surveys/zod-issue-params.ts';

export const usernameSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim().toLowerCase())
  .pipe(patternRule(/^[\p{L}\p{N}._-]{2,64}$/u, 'username', 'must be 2–64 letters, digits, ".", "_" or "-"'));

// Long enough to resist guessing once the login throttle is passed; no composition rules, which
// push people to predictable patterns. The upper bound keeps scrypt's input reasonable.
export const newPasswordSchema = z.string().min(10, 'must have at least 10 characters').max(256);

export const roleSchema = z.enum(['admin', 'evaluator']);
