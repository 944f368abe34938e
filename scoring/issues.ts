/**
 * A problem with user data (a framework or its inputs), returned, never thrown. `code` names the
 * indicator when there is one; `path` says where in the file, e.g. `indicators[0].children[2].points`
 * or `inputs["2.3.2"].score`.
 */
export interface ScoringIssue {
  code: string | null;
  path: string;
  message: string;
}

/** `a[0].b["2.3.2"]` from path segments: numbers as indexes, keys with dots quoted. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => {
      if (typeof s === 'number') return `[${s}]`;
      const key = String(s);
      if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return i === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

/** How an indicator is named in messages: 指标 2.3.2（预算执行）. */
export function indicatorLabel(code: string, name?: string): string {
  return name ? `指标 ${code}（${name}）` : `指标 ${code}`;
}
