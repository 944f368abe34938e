// Response accounting (DESIGN §3): issued (invitations and paper forms), received, valid, the count for each reason a response
// is not valid, and the two response rates, from the per-status counters kept on write.
import { responseRate } from '../../scoring/index.ts';
import type { ResponseCountRow } from '../db/counts.ts';

export interface Accounting {
  /**
   * Forms issued (发放): invitation tokens and paper forms entered as issued, where these are the
   * base of the responses counted; null when none were (the rates are then unknown).
   */
  issued: number | null;
  /** What `issued` is made of. */
  issuedFrom: IssuedFrom;
  received: number;
  valid: number;
  invalid: Record<string, number>;
  /** 回收率 = received ÷ issued. */
  responseRate: string | null;
  /** 有效回收率 = valid ÷ issued. */
  validResponseRate: string | null;
}

export interface IssuedFrom {
  tokens: number;
  paper: number;
}

export function accountingOf(rows: readonly ResponseCountRow[], issuedFrom: IssuedFrom): Accounting {
  const issued = issuedFrom.tokens + issuedFrom.paper > 0 ? issuedFrom.tokens + issuedFrom.paper : null;
  let received = 0;
  let valid = 0;
  const invalid: Record<string, number> = {};
  for (const r of rows) {
    received += r.n;
    if (r.status === 'valid') valid += r.n;
    else invalid[r.status] = (invalid[r.status] ?? 0) + r.n;
  }
  return { issued, issuedFrom, received, valid, invalid, responseRate: responseRate(received, issued), validResponseRate: responseRate(valid, issued) };
}
