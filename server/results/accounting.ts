// Response accounting (DESIGN §3): issued (invitations and paper forms), received, valid, the
// count for each reason a response is not valid, and the two response rates, from the per-status
// counters kept on write.
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
  /**
   * The responses that came back through the forms issued (the token and paper channels, each
   * where some were issued): the numerators of the rates. Responses by interview, phone or a
   * public link were never issued, so counting them would give a 回收率 above 100 %.
   */
  ofIssued: { received: number; valid: number };
  /** 回收率 = ofIssued.received ÷ issued. */
  responseRate: string | null;
  /** 有效回收率 = ofIssued.valid ÷ issued. */
  validResponseRate: string | null;
}

export interface IssuedFrom {
  tokens: number;
  paper: number;
}

export function accountingOf(rows: readonly ResponseCountRow[], issuedFrom: IssuedFrom): Accounting {
  const issued = issuedFrom.tokens + issuedFrom.paper > 0 ? issuedFrom.tokens + issuedFrom.paper : null;
  const wasIssued = (channel: string) => (channel === 'token' && issuedFrom.tokens > 0) || (channel === 'paper' && issuedFrom.paper > 0);
  let received = 0;
  let valid = 0;
  const ofIssued = { received: 0, valid: 0 };
  const invalid: Record<string, number> = {};
  for (const r of rows) {
    received += r.n;
    if (r.status === 'valid') valid += r.n;
    else invalid[r.status] = (invalid[r.status] ?? 0) + r.n;
    if (wasIssued(r.channel)) {
      ofIssued.received += r.n;
      if (r.status === 'valid') ofIssued.valid += r.n;
    }
  }
  return {
    issued, issuedFrom, received, valid, invalid, ofIssued,
    responseRate: responseRate(ofIssued.received, issued),
    validResponseRate: responseRate(ofIssued.valid, issued),
  };
}
