// The columns of a response export (CSV and XLSX alike): the response's own fields — its channel
// and respondent group by name with their codes beside them, whether it counts as valid and if not
// why (as the results' accounting counts it), its exclusion, its quality flags — then every
// question of the survey: a likert, single or multi question as two columns, its code and its
// label, so the file can be both recomputed and read; text and number answers as one.
// Questions are numbered as on the questionnaire (surveys/numbering.ts): main questions 1, 2, 3…,
// a follow-up under its question (6.1).
// A survey edited during fieldwork has responses of several definition versions: the columns are
// the questions of all versions (the current one's order first) and each row is read with the
// definition it was answered with; a question the current version no longer has keeps the number
// it had in the newest version that has it, with that version named.
import { numberedLabel, questionNumbers, type AnswerValue, type Question, type SurveyDefinition } from '../../surveys/index.ts';
import type { ExportedResponse } from '../db/export-reads.ts';
import type { ResponseStatus } from '../responses/counting.ts';
import type { Cell } from './formula-safe.ts';
import { channelName, flagName, groupName, invalidName } from './labels.ts';
import { shanghaiTime } from './time.ts';

export interface ExportRow {
  response: ExportedResponse;
  /** Whether an evaluator's exclusion is in force. */
  excluded: boolean;
  /** The reason of that exclusion, or null when there is none. */
  exclusion: string | null;
  /** Whether it counts, or why not, as the accounting counts it (responseStatus, responses/counting.ts). */
  status: ResponseStatus;
  /**
   * Its quality flags, as the response list shows them: those stored with it (db/counts.ts
   * storedFlagsOf), then those that depend on other responses (db/relational-flags.ts). Advice,
   * not a reason by themselves that it does not count.
   */
  flags: readonly string[];
}

export interface ExportColumns {
  header: string[];
  row(r: ExportRow): Cell[];
}

interface QuestionColumn {
  id: string;
  name: string;
  kind: Question['kind'];
}

export const fixedHeader = [
  '序号', '答卷编号', '提交时间（北京时间）', '提交时间（UTC）', '渠道', '渠道代码', '受访群体', '受访群体代码', '来源', '问卷版本',
  '是否有效', '无效原因', '是否剔除', '剔除原因', '标记', '标记代码',
] as const;

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
  const ordered = [...versions.entries()].sort(([a], [b]) => (a === current ? -1 : b === current ? 1 : b - a));
  const questions: QuestionColumn[] = [];
  const seen = new Set<string>();
  for (const [version, def] of ordered) {
    const numbers = questionNumbers(def);
    const older = version === current ? '' : `（第 ${version} 版）`;
    for (const q of def.questions) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      questions.push({ id: q.id, name: `${numberedLabel(numbers.get(q.id), q.label)}${older}`, kind: q.kind });
    }
  }

  const header: string[] = [...fixedHeader];
  for (const q of questions) {
    if (paired(q.kind)) header.push(`${q.name}（代码）`, `${q.name}（选项）`);
    else header.push(q.name);
  }
  header.push('哈希');

  const byVersion = new Map<number, Map<string, Question>>();
  for (const [v, def] of versions) byVersion.set(v, new Map(def.questions.map((q) => [q.id, q])));

  return {
    header,
    row({ response: r, excluded, exclusion, status, flags }) {
      const version = Number(r.definition_version);
      const def = versions.get(version) ?? versions.get(current)!;
      const own = byVersion.get(version) ?? byVersion.get(current)!;
      const answers = JSON.parse(r.answers) as Record<string, AnswerValue>;
      const cells: Cell[] = [
        Number(r.seq), r.id, shanghaiTime(r.submitted_at), r.submitted_at,
        channelName(r.channel), r.channel, groupName(r.respondent_group), r.respondent_group, r.source, version,
        status === 'valid' ? '是' : '否', status === 'valid' ? null : invalidName(status),
        excluded ? '是' : '否', exclusion,
        flags.length === 0 ? null : flags.map(flagName).join('；'), flags.length === 0 ? null : flags.join(';'),
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
