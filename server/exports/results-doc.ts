// The results object of DESIGN §7 as the exports read it. The results core computes it (one
// computation, in server/results/); exports only format it, so the file, the page and the JSON
// always agree. Only the fields exports use are named; the rest travels along untouched.

export interface RateLike {
  rate: string | null;
  n: number;
  ci95: [string, string] | null;
  notApplicable?: number;
}

export interface ItemLike extends RateLike {
  id: string;
  label?: string;
  dimension?: string;
  levels: Record<string, number>;
}

export interface AccountingLike {
  /** Invitations and paper forms issued, where known. */
  issued?: number | null;
  received: number;
  valid: number;
  /** Responses not valid, by reason (ineligible, excluded, …). */
  invalid?: Record<string, number>;
  /** What came back through the forms issued: the numerators of the rates. */
  ofIssued?: { received: number; valid: number };
  /** 回收率 and 有效回收率 as published (percent, two places), null where nothing was issued. */
  responseRate: string | null;
  validResponseRate: string | null;
}

export interface ResultsLike {
  method: { kind: 'share' | 'weighted' };
  accounting: AccountingLike;
  overall: RateLike | null;
  dimensions: (RateLike & { id: string; label?: string })[];
  items: ItemLike[];
  groups?: Record<string, { overall: RateLike | null }>;
}
