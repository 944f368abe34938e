// The framework editor's tree, as pure functions on an immutable draft: every edit returns a new
// draft, so the page only keeps the latest one and tests need no browser. Nodes carry an id of
// their own (codes are what the evaluator edits, so they cannot be the key). The only figures
// here are the children's points summed for the warning, done with scoring/'s decimals so the
// editor never disagrees with the server's own check (0.1 + 0.2 is 0.3 in both).
import { isDecimalString, sum, toDecimal, toTrimmedString } from '../../../scoring/decimal.ts';
import type { FrameworkJson, IndicatorJson, RuleJson } from '../../../scoring/framework/schema.ts';

export type RuleKind = RuleJson['kind'];

export interface EditNode {
  id: string;
  code: string;
  name: string;
  /** As typed: a decimal string, checked by the server. */
  points: string;
  criteria?: string;
  /** Kept while the node has children (it is not sent then), so an outdent gives it back. */
  rule: RuleJson;
  children: EditNode[];
}

export interface Draft {
  name: string;
  description?: string;
  grades: FrameworkJson['grades'];
  indicators: EditNode[];
}

let counter = 0;
/** A fresh node id; unique within the page's life, which is all a key needs. */
export const nextId = (): string => `n${++counter}`;

function nodeFrom(j: IndicatorJson): EditNode {
  return {
    id: nextId(),
    code: j.code,
    name: j.name,
    points: String(j.points),
    ...(j.criteria === undefined ? {} : { criteria: j.criteria }),
    rule: j.rule ?? { kind: 'manual' },
    children: (j.children ?? []).map(nodeFrom),
  };
}

/** The draft of a framework JSON (bundled, stored or uploaded). Shape only: the server validates. */
export function draftFrom(json: unknown): Draft {
  const f = (json ?? {}) as Partial<FrameworkJson>;
  return {
    name: typeof f.name === 'string' ? f.name : '',
    ...(typeof f.description === 'string' ? { description: f.description } : {}),
    grades: Array.isArray(f.grades) ? f.grades : [{ min: 90, label: '优' }, { min: 80, label: '良' }, { min: 60, label: '中' }, { min: 0, label: '差' }],
    indicators: Array.isArray(f.indicators) ? f.indicators.map(nodeFrom) : [],
  };
}

/** A typed figure back as a JSON number when that is exact, as the bundled files write them. */
function figure(s: string): string | number {
  const t = s.trim();
  return isDecimalString(t) && String(Number(t)) === t ? Number(t) : t;
}

function ruleOut(rule: RuleJson): RuleJson {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rule)) out[k] = typeof v === 'string' && k !== 'kind' && k !== 'direction' && k !== 'label' && k !== 'id' ? figure(v) : v;
  return out as RuleJson;
}

function nodeOut(n: EditNode): IndicatorJson {
  return {
    code: n.code.trim(),
    name: n.name.trim(),
    points: figure(n.points),
    ...(n.criteria?.trim() ? { criteria: n.criteria.trim() } : {}),
    ...(n.children.length > 0 ? { children: n.children.map(nodeOut) } : { rule: ruleOut(n.rule) }),
  } as IndicatorJson;
}

/** The §7 framework JSON the server takes (PUT …/framework with `{ framework }`). */
export function frameworkOf(d: Draft): FrameworkJson {
  return {
    name: d.name.trim(),
    ...(d.description ? { description: d.description } : {}),
    grades: d.grades.map((g) => ({ min: typeof g.min === 'string' ? figure(g.min) : g.min, label: g.label.trim() })),
    indicators: d.indicators.map(nodeOut),
  } as FrameworkJson;
}

/** Where a node is: the list holding it, and its index there, by the path of parents. */
interface Place {
  parents: EditNode[];
  index: number;
}

function find(list: readonly EditNode[], id: string, parents: EditNode[] = []): Place | null {
  for (let i = 0; i < list.length; i++) {
    const n = list[i]!;
    if (n.id === id) return { parents, index: i };
    const inner = find(n.children, id, [...parents, n]);
    if (inner) return inner;
  }
  return null;
}

export function findNode(d: Draft, id: string): EditNode | null {
  const p = find(d.indicators, id);
  if (!p) return null;
  return listAt(d.indicators, p.parents)[p.index]!;
}

const listAt = (roots: EditNode[], parents: EditNode[]): EditNode[] => (parents.length === 0 ? roots : parents.at(-1)!.children);

/** The list under `parents` replaced by `f(list)`, copying only the nodes on the way down. */
function withList(roots: EditNode[], parents: readonly EditNode[], f: (list: EditNode[]) => EditNode[]): EditNode[] {
  if (parents.length === 0) return f(roots);
  const [first, ...rest] = parents;
  return roots.map((n) => (n.id === first!.id ? { ...n, children: withList(n.children, rest, f) } : n));
}

const edit = (d: Draft, parents: readonly EditNode[], f: (list: EditNode[]) => EditNode[]): Draft => ({ ...d, indicators: withList(d.indicators, parents, f) });

/** A code for a new child: the parent's code and the next free number ("1.2" → "1.2.3"). */
export function nextCode(d: Draft, parentId: string | null): string {
  const parent = parentId === null ? null : findNode(d, parentId);
  const siblings = parent ? parent.children : d.indicators;
  const taken = new Set(allNodes(d).map((n) => n.code));
  for (let k = siblings.length + 1; ; k++) {
    const code = parent ? `${parent.code}.${k}` : String(k);
    if (!taken.has(code)) return code;
  }
}

/** Adds a new manual indicator as the last child of `parentId` (or at the top level for null). */
export function addChild(d: Draft, parentId: string | null, fields: Partial<Omit<EditNode, 'id' | 'children'>> = {}): { draft: Draft; id: string } {
  const node: EditNode = { id: nextId(), code: nextCode(d, parentId), name: '', points: '1', rule: { kind: 'manual' }, children: [], ...fields };
  if (parentId === null) return { draft: { ...d, indicators: [...d.indicators, node] }, id: node.id };
  const p = find(d.indicators, parentId);
  if (!p) return { draft: d, id: node.id };
  const parents = [...p.parents, listAt(d.indicators, p.parents)[p.index]!];
  return { draft: edit(d, parents, (list) => [...list, node]), id: node.id };
}

export function update(d: Draft, id: string, patch: Partial<Omit<EditNode, 'id' | 'children'>>): Draft {
  const p = find(d.indicators, id);
  if (!p) return d;
  return edit(d, p.parents, (list) => list.map((n) => (n.id === id ? { ...n, ...patch } : n)));
}

export function remove(d: Draft, id: string): Draft {
  const p = find(d.indicators, id);
  if (!p) return d;
  return edit(d, p.parents, (list) => list.filter((n) => n.id !== id));
}

/** Up (-1) or down (+1) among its siblings; at either end nothing moves. */
export function move(d: Draft, id: string, by: -1 | 1): Draft {
  const p = find(d.indicators, id);
  if (!p) return d;
  const to = p.index + by;
  return edit(d, p.parents, (list) => {
    if (to < 0 || to >= list.length) return list;
    const next = [...list];
    [next[p.index], next[to]] = [next[to]!, next[p.index]!];
    return next;
  });
}

/** Becomes the last child of the sibling above it (which thereby becomes a parent). */
export function indent(d: Draft, id: string): Draft {
  const p = find(d.indicators, id);
  if (!p || p.index === 0) return d;
  const list = listAt(d.indicators, p.parents);
  const node = list[p.index]!;
  const above = list[p.index - 1]!;
  return edit(d, p.parents, (l) => l.filter((n) => n.id !== id).map((n) => (n.id === above.id ? { ...n, children: [...n.children, node] } : n)));
}

/** Leaves its parent: placed right after it, one level up. */
export function outdent(d: Draft, id: string): Draft {
  const p = find(d.indicators, id);
  if (!p || p.parents.length === 0) return d;
  const parent = p.parents.at(-1)!;
  const node = parent.children[p.index]!;
  const without = edit(d, p.parents, (l) => l.filter((n) => n.id !== id));
  return edit(without, p.parents.slice(0, -1), (l) => l.flatMap((n) => (n.id === parent.id ? [n, node] : [n])));
}

export function allNodes(d: Draft): EditNode[] {
  const walk = (list: readonly EditNode[]): EditNode[] => list.flatMap((n) => [n, ...walk(n.children)]);
  return walk(d.indicators);
}

export interface SumProblem {
  /** The children's points added up, or null when one of them is not a number yet. */
  sum: string | null;
  points: string;
}

/**
 * Parents whose children's points do not add up to their own, by node id (the server refuses
 * such a framework; the editor says so beside the parent before it is sent). A figure that is not
 * a decimal yet counts as a mismatch with no sum.
 */
export function sumProblems(d: Draft): Map<string, SumProblem> {
  const out = new Map<string, SumProblem>();
  for (const n of allNodes(d)) {
    if (n.children.length === 0) continue;
    const figures = n.children.map((c) => c.points.trim());
    if (!figures.every(isDecimalString) || !isDecimalString(n.points.trim())) {
      out.set(n.id, { sum: null, points: n.points });
      continue;
    }
    const total = sum(figures.map((f) => toDecimal(f)));
    if (!total.eq(toDecimal(n.points.trim()))) out.set(n.id, { sum: toTrimmedString(total, 4), points: n.points.trim() });
  }
  return out;
}

/** Total of the first-level points (the framework's full marks), or null while one is not a number. */
export function totalPoints(d: Draft): string | null {
  const figures = d.indicators.map((n) => n.points.trim());
  if (!figures.every(isDecimalString)) return null;
  return toTrimmedString(sum(figures.map((f) => toDecimal(f))), 4);
}

/** Codes used more than once, by node id. */
export function duplicateCodes(d: Draft): Set<string> {
  const seen = new Map<string, string>();
  const dup = new Set<string>();
  for (const n of allNodes(d)) {
    const code = n.code.trim();
    const first = seen.get(code);
    if (first !== undefined) {
      dup.add(first);
      dup.add(n.id);
    } else seen.set(code, n.id);
  }
  return dup;
}

/**
 * The node a server issue names by its field, e.g. `framework.indicators[0].children[2].points`:
 * the deepest indicator on that path. Null for issues about the framework as a whole (its name,
 * its grades), which the page shows above the tree.
 */
export function nodeOfField(d: Draft, field: string): string | null {
  const steps = [...field.matchAll(/(indicators|children)\[(\d+)\]/g)].map((m) => Number(m[2]));
  let list: readonly EditNode[] = d.indicators;
  let found: EditNode | null = null;
  for (const i of steps) {
    const n = list[i];
    if (!n) break;
    found = n;
    list = n.children;
  }
  return found?.id ?? null;
}

/** The parameters a rule of each kind starts with when the evaluator switches kind (§7's table). */
export function defaultRule(kind: RuleKind): RuleJson {
  const bands = [
    { min: 85, factor: 1 }, { min: 80, factor: 0.8 }, { min: 75, factor: 0.6 }, { min: 65, factor: 0.4 }, { min: 0, factor: 0 },
  ];
  switch (kind) {
    case 'satisfaction': return { kind, bands };
    case 'band': return { kind, bands };
    case 'stepDeduction': return { kind, target: 100, step: 5, deduct: 0.2 };
    case 'completion': return { kind, target: 100, direction: 'atLeast', floor: 0.8 };
    case 'grade': return { kind, factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } };
    case 'checklist': return { kind, elements: ['要素 1'], missing: 'zero' };
    case 'manual': return { kind };
  }
}
