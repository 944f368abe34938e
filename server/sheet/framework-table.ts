// A framework (DESIGN §7) from a spreadsheet laid out like the seed's 附件1: columns 一级指标 /
// 二级指标 / 三级指标, a row per leaf, 分值, and optionally 规则 and 代码. A name in a level column
// starts that indicator, or continues it when it repeats the current one (merged cells read back
// as the same name on every row); an empty level cell continues the current one. A row that names
// only an upper level is that indicator itself: a leaf, or a parent with stated points when later
// rows give it children. Parents without a row of their own get their children's sum. Every
// problem names the spreadsheet row and column, so the evaluator can find it in the file.
import { sum, toDecimal, toTrimmedString } from '../../scoring/decimal.ts';
import { isDecimalString } from '../../scoring/decimal.ts';
import { parseFramework, type FrameworkJson, type RuleJson } from '../../scoring/index.ts';
import type { Issue } from '../http/errors.ts';
import type { Table } from '../import/table.ts';

const levelHeaders = ['一级指标', '二级指标', '三级指标'] as const;
const seedBands = [{ min: 85, factor: 1 }, { min: 80, factor: 0.8 }, { min: 75, factor: 0.6 }, { min: 65, factor: 0.4 }, { min: 0, factor: 0 }];

/** Rule kinds by the word in the 规则 column, English as in §7 or Chinese; parameters start as the seed's. */
const ruleWords: Record<string, () => RuleJson> = {
  satisfaction: () => ({ kind: 'satisfaction', bands: seedBands }),
  满意度: () => ({ kind: 'satisfaction', bands: seedBands }),
  band: () => ({ kind: 'band', bands: seedBands }),
  分档: () => ({ kind: 'band', bands: seedBands }),
  grade: () => ({ kind: 'grade', factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } }),
  等级: () => ({ kind: 'grade', factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } }),
  manual: () => ({ kind: 'manual' }),
  手工: () => ({ kind: 'manual' }),
  酌情给分: () => ({ kind: 'manual' }),
  stepDeduction: () => ({ kind: 'stepDeduction', target: 100, step: 5, deduct: 0.2 }),
  扣分: () => ({ kind: 'stepDeduction', target: 100, step: 5, deduct: 0.2 }),
  completion: () => ({ kind: 'completion', target: 100, direction: 'atLeast', floor: 0.8 }),
  完成比例: () => ({ kind: 'completion', target: 100, direction: 'atLeast', floor: 0.8 }),
};

interface Node {
  name: string;
  code: string | null;
  points: string | null;
  rule: RuleJson | null;
  row: number;
  children: Node[];
}

export type TableResult = { ok: true; framework: FrameworkJson; rows: number } | { ok: false; issues: Issue[] };

/** Excel's column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function frameworkFromTable(table: Table, name: string): TableResult {
  const issues: Issue[] = [];
  const col = (header: string) => table.header.findIndex((h) => h.replace(/\s/g, '') === header);
  const levels = levelHeaders.map(col);
  const pointsCol = col('分值');
  const ruleCol = col('规则');
  const codeCol = col('代码');
  /** Where in the file: 第 3 行 D 列（分值）. */
  const place = (row: number, column: number, header: string) => `第 ${row} 行 ${columnLetter(column)} 列（${header}）`;
  const at = (row: number, column: number, header: string, message: string, code = 'invalid_cell') =>
    issues.push({ field: 'file', code, message: `${place(row, column, header)}：${message}`, params: { row, column: columnLetter(column) } });
  // The column of each indicator field the framework check may name.
  const columnOf: Record<string, [number, string]> = { points: [pointsCol, '分值'], rule: [ruleCol, '规则'], code: [codeCol, '代码'] };

  const missing = [levels[0]! < 0 ? '一级指标' : null, pointsCol < 0 ? '分值' : null].filter((h) => h !== null);
  if (missing.length > 0) {
    return { ok: false, issues: [{ field: 'file', code: 'missing_column', message: `第 1 行（表头）：缺少列 ${missing.join('、')}（需要 一级指标、二级指标、三级指标、分值，可选 规则、代码）` }] };
  }

  const roots: Node[] = [];
  const current: (Node | null)[] = [null, null, null];
  const cell = (cells: string[], i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());

  for (const { row, cells } of table.rows) {
    const names = levels.map((i) => cell(cells, i));
    const deepest = names.reduce((d, n, i) => (n ? i : d), -1);
    if (deepest < 0) {
      at(row, levels[0]!, '一级指标', '这一行没有指标名称');
      continue;
    }
    let broken = false;
    for (let level = 0; level < deepest && !broken; level++) {
      const n = names[level]!;
      const here = current[level];
      if (n === '' || (here && here.name === n)) {
        if (!here) {
          at(row, levels[level]!, levelHeaders[level]!, `未写${levelHeaders[level]}，而上方也没有可接续的${levelHeaders[level]}`);
          broken = true;
        }
        continue;
      }
      const parent: Node = { name: n, code: null, points: null, rule: null, row, children: [] };
      (level === 0 ? roots : current[level - 1]!.children).push(parent);
      current[level] = parent;
      current.fill(null, level + 1);
    }
    if (broken) continue;

    const pointsText = cell(cells, pointsCol);
    if (!isDecimalString(pointsText) || !toDecimal(pointsText).gt(0)) at(row, pointsCol, '分值', pointsText ? `“${pointsText}”不是大于 0 的数` : '缺少分值');
    const ruleText = cell(cells, ruleCol);
    let rule: RuleJson = { kind: 'manual' };
    if (ruleText.startsWith('{')) {
      try {
        rule = JSON.parse(ruleText) as RuleJson;
      } catch {
        at(row, ruleCol, '规则', '以 { 开头的规则须为 JSON，如 {"kind":"manual"}');
      }
    } else if (ruleText) {
      // Own words only: "valueOf" or "__proto__" would otherwise find Object.prototype's.
      const make = Object.hasOwn(ruleWords, ruleText) ? ruleWords[ruleText] : undefined;
      if (make) rule = make();
      else at(row, ruleCol, '规则', `不认识的规则“${ruleText}”（可用：${Object.keys(ruleWords).join('、')}，或规则 JSON）`);
    }
    const code = cell(cells, codeCol) || null;
    const leaf: Node = { name: names[deepest]!, code, points: pointsText, rule, row, children: [] };
    const siblings = deepest === 0 ? roots : current[deepest - 1]!.children;
    if (siblings.some((s) => s.name === leaf.name)) {
      at(row, levels[deepest]!, levelHeaders[deepest]!, `“${leaf.name}”在同一上级下重复`);
      continue;
    }
    siblings.push(leaf);
    current[deepest] = leaf;
    current.fill(null, deepest + 1);
  }
  if (issues.length > 0) return { ok: false, issues };
  if (roots.length === 0) return { ok: false, issues: [{ field: 'file', code: 'empty', message: '表中没有指标行' }] };

  // Codes by position unless the file gives them; a parent's stated points are kept (the
  // framework check below then says if its children do not add up), else the children's sum.
  const rowOf = new Map<string, number>();
  const out = (n: Node, code: string, path: string): FrameworkJson['indicators'][number] => {
    const own = n.code ?? code;
    rowOf.set(path, n.row);
    const children = n.children.map((c, i) => out(c, `${own}.${i + 1}`, `${path}.children[${i}]`));
    const points = n.points ? n.points : toTrimmedString(sum(children.map((c) => toDecimal(c.points))), 4);
    const fig = String(Number(points)) === points ? Number(points) : points;
    return children.length > 0 ? { code: own, name: n.name, points: fig, children } : { code: own, name: n.name, points: fig, rule: n.rule! };
  };
  const framework: FrameworkJson = {
    name,
    grades: [{ min: 90, label: '优' }, { min: 80, label: '良' }, { min: 60, label: '中' }, { min: 0, label: '差' }],
    indicators: roots.map((n, i) => out(n, String(i + 1), `indicators[${i}]`)),
  };
  const parsed = parseFramework(framework);
  if (!parsed.ok) {
    return {
      ok: false,
      issues: parsed.issues.map((i) => {
        // The deepest indicator on the issue's path is the row to look at; its points, rule or
        // code is the column.
        const path = [...rowOf.keys()].filter((p) => i.path === p || i.path.startsWith(`${p}.`)).sort((a, b) => b.length - a.length)[0];
        const row = path === undefined ? undefined : rowOf.get(path);
        const field = path === undefined ? undefined : /^\.(points|rule|code)\b/.exec(i.path.slice(path.length))?.[1];
        const [column, header] = field === undefined ? [-1, ''] : columnOf[field]!;
        const where = row === undefined ? '' : column < 0 ? `第 ${row} 行：` : `${place(row, column, header)}：`;
        const params = { ...(row === undefined ? {} : { row }), ...(row !== undefined && column >= 0 ? { column: columnLetter(column) } : {}), ...(i.code ? { indicator: i.code } : {}) };
        return { field: 'file', code: 'invalid_framework', message: `${where}${i.message}`, params };
      }),
    };
  }
  return { ok: true, framework, rows: table.rows.length };
}
