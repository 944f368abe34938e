// The columns of a response export (CSV and XLSX alike): the response's own fields, its exclusion,
// then every question of the survey — a likert, single or multi question as two columns, its code
// and its label, so the file can be both recomputed and read; text and number answers as one.
// A survey edited during fieldwork has responses of several definition versions: the columns are
// the questions of all versions (the current one's order first) and each row is read with the
// definition it was answered with.
import type { AnswerValue, Question, SurveyDefinition } from '../../surveys/index.ts';
import type { ExportedResponse } from '../db/export-reads.ts';
import type { Cell } from './formula-safe.ts';
import { shanghaiTime } from './time.ts';

export interface ExportRow {
  response: ExportedResponse;
  /** The reason it was excluded, or null when it counts. */
  exclusion: string | null;
}

export interface ExportColumns {
  header: string[];
  row(r: ExportRow): Cell[];
}

interface QuestionColumn {
  id: string;
  number: number;
  label: string;
  kind: Question['kind'];
}

const fixedHeader = ['序号', '答卷编号', '提交时间（北京时间）', '提交时间（UTC）', '渠道', '受访群体', '来源', '问卷版本', '是否剔除', '剔除原因'];

/** The answer as a code (what a program reads) and a label (what a person reads). */
function codeAndLabel(q: Question, def: SurveyDefinition, value: AnswerValue | undefined): [Cell, Cell] {
  if (value === undefined) return [null, null];
  switch (q.kind) {
    case 'likert': {
      const scale = def.scales[q.scale];
      const level = scale?.levels.find((l) => l.code === value);
      const label = level?.label ?? (scale?.notApplicable?.code === value ? scale.notApplicable.label : null);
      return [typeof value === 'number' ? value : String(value), label];
    }
    case 'single':
      return [String(value), q.options.find((o) => o.value === value)?.label ?? null];
    case 'multi': {
      const values = Array.isArray(value) ? value : [String(value)];
      return [values.join(';'), values.map((v) => q.options.find((o) => o.value === v)?.label ?? v).join('；')];
    }
    case 'number':
      return [typeof value === 'number' ? value : Number(value), null];
    case 'text':
      return [String(value), null];
  }
}

const paired = (kind: Question['kind']) => kind === 'likert' || kind === 'single' || kind === 'multi';

export function exportColumns(versions: ReadonlyMap<number, SurveyDefinition>, current: number): ExportColumns {
  const ordered = [versions.get(current), ...[...versions.entries()].filter(([v]) => v !== current).sort(([a], [b]) => b - a).map(([, d]) => d)];
  const questions: QuestionColumn[] = [];
  const seen = new Set<string>();
  for (const def of ordered) {
    for (const q of def?.questions ?? []) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      questions.push({ id: q.id, number: questions.length + 1, label: q.label, kind: q.kind });
    }
  }

  const header = [...fixedHeader];
  for (const q of questions) {
    const name = `${q.number}. ${q.label}`;
    if (paired(q.kind)) header.push(`${name}（代码）`, `${name}（选项）`);
    else header.push(name);
  }
  header.push('哈希');

  const byVersion = new Map<number, Map<string, Question>>();
  for (const [v, def] of versions) byVersion.set(v, new Map(def.questions.map((q) => [q.id, q])));

  return {
    header,
    row({ response: r, exclusion }) {
      const version = Number(r.definition_version);
      const def = versions.get(version) ?? versions.get(current)!;
      const own = byVersion.get(version) ?? byVersion.get(current)!;
      const answers = JSON.parse(r.answers) as Record<string, AnswerValue>;
      const cells: Cell[] = [
        Number(r.seq), r.id, shanghaiTime(r.submitted_at), r.submitted_at, r.channel, r.respondent_group, r.source, version,
        exclusion === null ? '否' : '是', exclusion,
      ];
      for (const col of questions) {
        const q = own.get(col.id);
        const value = Object.hasOwn(answers, col.id) ? answers[col.id] : undefined;
        if (!q) cells.push(...(paired(col.kind) ? [null, null] : [null]));
        else if (paired(col.kind)) cells.push(...codeAndLabel(q, def, value));
        else cells.push(codeAndLabel(q, def, value)[0]);
      }
      cells.push(r.hash);
      return cells;
    },
  };
}
