import type { z } from 'zod';
import { formatPath, indicatorLabel, type ScoringIssue } from '../issues.ts';

// The indicator an issue belongs to: the deepest object on its path that has a code, so a bad
// `points` deep in the tree is reported as "指标 2.3.2（预算执行）…", not as a bare index path.
function owner(root: unknown, path: readonly PropertyKey[]): { code: string; name?: string } | null {
  let node: unknown = root;
  let found: { code: string; name?: string } | null = null;
  const visit = (n: unknown) => {
    if (n && typeof n === 'object' && typeof (n as { code?: unknown }).code === 'string') {
      const { code, name } = n as { code: string; name?: unknown };
      found = { code, name: typeof name === 'string' ? name : undefined };
    }
  };
  visit(node);
  for (const key of path) {
    if (!node || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key];
    visit(node);
  }
  return found;
}

/** zod issues as scoring issues whose messages name the indicator and the path. */
export function fromZodIssues(root: unknown, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): ScoringIssue[] {
  return issues.map((issue) => {
    const where = owner(root, issue.path);
    const path = formatPath([...prefix, ...issue.path]);
    const label = where ? `${indicatorLabel(where.code, where.name)} ` : '';
    return { code: where?.code ?? null, path, message: `${label}${path}：${issue.message}` };
  });
}
