import { describe, expect, it } from 'vitest';
import { parseDefinition, type SurveyDefinition } from '../../../surveys/definition.ts';
import { templateNames, templates } from '../../../surveys/templates/index.ts';
import publicJson from '../../../surveys/templates/public.json' with { type: 'json' };
import enterpriseJson from '../../../surveys/templates/enterprise.json' with { type: 'json' };
import { sampleDefinition } from './sample.ts';

/** The issues of a definition that must be refused. */
function refuse(definition: unknown) {
  const result = parseDefinition(definition);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.issues;
}

/** The sample, changed by `edit`. */
function broken(edit: (d: SurveyDefinition) => void): SurveyDefinition {
  const d = sampleDefinition();
  edit(d);
  return d;
}

describe('templates', () => {
  it('every bundled template parses, and parses to itself', () => {
    expect(templateNames).toEqual(['public', 'enterprise']);
    for (const [name, json] of [['public', publicJson], ['enterprise', enterpriseJson]] as const) {
      const result = parseDefinition(json);
      expect(result, name).toEqual({ ok: true, definition: json });
      expect(templates[name]).toEqual(json);
    }
  });

  it('the public template follows the seed: screener, basic facts, seven items in order, overall, suggestion', () => {
    const d = templates.public;
    expect(d.slug).toBe('lingang-2023-public');
    expect(d.title).toBe('临港区科技创新局 2023 年度工作满意度调查问卷');
    expect(d.group).toBe('public');
    expect(d.questions.map((q) => q.id)).toEqual([
      'contact', 'identity', 'town',
      'q1', 'q2', 'q2-why', 'q3', 'q3-why', 'q4', 'q4-why', 'q5', 'q5-why', 'q6', 'q6-why', 'q7', 'q7-why',
      'overall', 'suggestion',
    ]);
    expect(d.method).toEqual({ kind: 'share', satisfied: [5, 4], notApplicable: 'exclude', overall: { question: 'overall' } });
    const q1 = d.questions.find((q) => q.id === 'q1');
    expect(q1).toMatchObject({ kind: 'likert', scale: 'aware5' });
    for (const n of [2, 3, 4, 5, 6, 7]) {
      expect(d.questions.find((q) => q.id === `q${n}`)).toMatchObject({ kind: 'likert', scale: 'sat5', required: true });
      const why = d.questions.find((q) => q.id === `q${n}-why`);
      expect(why).toMatchObject({ kind: 'text', label: '您不满意的主要原因是？', visibleIf: { question: `q${n}`, in: [2, 1] } });
      expect(why?.required).toBeUndefined();
    }
    expect(d.scales.sat5!.levels.map((l) => [l.code, l.label, l.weight])).toEqual([
      [5, '非常满意', 100], [4, '满意', 80], [3, '基本满意', 60], [2, '不满意', 40], [1, '非常不满意', 20],
    ]);
    expect(d.scales.sat5!.notApplicable).toEqual({ code: 0, label: '不了解' });
    expect(d.scales.aware5!.levels.map((l) => l.label)).toEqual(['非常了解', '了解', '基本了解', '不太了解', '完全不了解']);
    expect(d.questions.find((q) => q.id === 'suggestion')).toMatchObject({ kind: 'text', maxLength: 1000 });
  });

  it('the enterprise template has the enterprise group and covers its five items', () => {
    const d = templates.enterprise;
    expect(d.group).toBe('enterprise');
    expect(d.dimensions.map((x) => x.id)).toEqual(['policy', 'service', 'talent', 'labour']);
    expect(d.questions.filter((q) => q.kind === 'likert').map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'overall']);
  });
});

describe('parseDefinition', () => {
  it('accepts the sample and returns it unchanged', () => {
    const d = sampleDefinition();
    expect(parseDefinition(d)).toEqual({ ok: true, definition: d });
  });

  it('refuses unknown properties anywhere', () => {
    const issues = refuse(broken((d) => {
      (d as Record<string, unknown>).colour = 'red';
      (d.questions[2] as Record<string, unknown>).colour = 'red';
    }));
    expect(issues.map((i) => i.path)).toEqual(['questions.2', '']);
    expect(issues.every((i) => i.message.includes('colour'))).toBe(true);
  });

  it('refuses an unknown question kind, naming where', () => {
    const issues = refuse(broken((d) => { (d.questions[1] as Record<string, unknown>).kind = 'slider'; }));
    expect(issues.map((i) => i.path)).toEqual(['questions.1.kind']);
  });

  it('refuses non-objects and bad shapes without throwing', () => {
    for (const input of [null, 1, 'x', [], {}, { questions: 'no' }]) {
      expect(parseDefinition(input).ok).toBe(false);
    }
  });

  it('refuses an unknown scale', () => {
    const issues = refuse(broken((d) => { (d.questions[2] as { scale: string }).scale = 'sat7'; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.2.scale', code: 'unknown_scale', message: 'question "q1": unknown scale "sat7"' }]);
  });

  it('refuses an unknown dimension', () => {
    const issues = refuse(broken((d) => { (d.questions[7] as { dimension?: string }).dimension = 'speed'; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.7.dimension', code: 'unknown_dimension', message: 'question "overall": unknown dimension "speed"' }]);
  });

  it('refuses a visibleIf on an unknown question', () => {
    const issues = refuse(broken((d) => { d.questions[3]!.visibleIf = { question: 'q9', in: [1] }; }));
    expect(issues).toEqual([{
      path: 'questions.3.visibleIf.question', message: 'question "channels": visibleIf refers to unknown question "q9"',
      code: 'visible_if_unknown', params: { question: 'channels', target: 'q9' },
    }]);
  });

  it('refuses a visibleIf on the question itself', () => {
    const issues = refuse(broken((d) => { d.questions[3]!.visibleIf = { question: 'channels', in: ['wait'] }; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.3.visibleIf.question', code: 'visible_if_self', message: 'question "channels": visibleIf refers to itself' }]);
  });

  it('refuses a visibleIf pointing forward', () => {
    const issues = refuse(broken((d) => { d.questions[2]!.visibleIf = { question: 'overall', in: [5] }; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.2.visibleIf.question', code: 'visible_if_forward', message: 'question "q1": visibleIf refers to "overall", which comes after it' }]);
  });

  it('refuses a visibleIf value the question cannot take', () => {
    const issues = refuse(broken((d) => { d.questions[3]!.visibleIf = { question: 'q1', in: [1, 'bad', 9] }; }));
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['questions.3.visibleIf.in.1', 'question "channels": visibleIf value "bad" is not a possible answer to "q1"'],
      ['questions.3.visibleIf.in.2', 'question "channels": visibleIf value 9 is not a possible answer to "q1"'],
    ]);
  });

  it('refuses an unknown overall question', () => {
    const issues = refuse(broken((d) => { d.method.overall = { question: 'total' }; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'method.overall.question', code: 'overall_unknown', message: 'method.overall: unknown question "total"' }]);
  });

  it('refuses an overall question that is not likert', () => {
    const issues = refuse(broken((d) => { d.method.overall = { question: 'note' }; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'method.overall.question', code: 'overall_not_likert', message: 'method.overall: question "note" is text, not likert' }]);
  });

  it('refuses a mean of dimensions without dimensions', () => {
    const issues = refuse(broken((d) => {
      d.method.overall = { dimensions: 'mean' };
      d.dimensions = [];
      delete (d.questions[2] as { dimension?: string }).dimension;
    }));
    expect(issues.map((i) => i.path)).toEqual(['method.overall.dimensions']);
  });

  it('refuses duplicate question ids', () => {
    const issues = refuse(broken((d) => { d.questions[8]!.id = 'age'; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.8.id', code: 'duplicate_question_id', message: 'duplicate question id "age"' }]);
  });

  it('refuses duplicate option values', () => {
    const issues = refuse(broken((d) => {
      (d.questions[3] as { options: { value: string; label: string }[] }).options.push({ value: 'wait', label: '又一个' });
    }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.3.options.3.value', code: 'duplicate_option_value', message: 'question "channels": duplicate option value "wait"' }]);
  });

  it('refuses duplicate level codes', () => {
    const issues = refuse(broken((d) => { d.scales.sat5!.levels[1]!.code = 5; }));
    expect(issues.map((i) => i.message)).toContain('scale "sat5": duplicate level code 5');
  });

  it('refuses duplicate dimension ids', () => {
    const issues = refuse(broken((d) => { d.dimensions.push({ id: 'service', label: '再一次' }); }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'dimensions.1.id', code: 'duplicate_dimension_id', message: 'duplicate dimension id "service"' }]);
  });

  it('refuses satisfied codes that are not levels of a scale in use', () => {
    const issues = refuse(broken((d) => {
      (d.method as { satisfied: number[] }).satisfied = [5, 4, 0, 7];
    }));
    expect(issues.map((i) => i.message)).toEqual([
      'method.satisfied: code 0 is not a level of scale "sat5"',
      'method.satisfied: code 7 is not a level of scale "sat5"',
    ]);
  });

  it('checks satisfied codes against every likert scale in use', () => {
    const issues = refuse(broken((d) => {
      d.scales.yes2 = { levels: [{ code: 2, label: '是', weight: 100 }, { code: 1, label: '否', weight: 0 }] };
      (d.questions[7] as { scale: string }).scale = 'yes2';
    }));
    expect(issues.map((i) => i.message)).toEqual([
      'method.satisfied: code 5 is not a level of scale "yes2"',
      'method.satisfied: code 4 is not a level of scale "yes2"',
    ]);
  });

  it('refuses a not-applicable code that is also a level', () => {
    const issues = refuse(broken((d) => { d.scales.sat5!.notApplicable = { code: 1, label: '不了解' }; }));
    expect(issues).toEqual([{
      path: 'scales.sat5.notApplicable.code', message: 'scale "sat5": not-applicable code 1 is also a level code',
      code: 'not_applicable_is_level', params: { scale: 'sat5', code: 1 },
    }]);
  });

  it('refuses a dimension without questions', () => {
    const issues = refuse(broken((d) => { d.dimensions.push({ id: 'speed', label: '效率' }); }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'dimensions.1', code: 'empty_dimension', message: 'dimension "speed" has no likert questions' }]);
  });

  it('refuses a screener value that is not an option', () => {
    const issues = refuse(broken((d) => {
      (d.questions[0] as { screener: { eligible: string[] } }).screener.eligible = ['yes', 'maybe'];
    }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.0.screener.eligible.1', code: 'screener_not_option', message: 'question "contact": screener value "maybe" is not an option' }]);
  });

  it('refuses inverted limits', () => {
    const issues = refuse(broken((d) => {
      Object.assign(d.questions[3]!, { minSelected: 3, maxSelected: 2 });
      Object.assign(d.questions[6]!, { min: 10, max: 1 });
    }));
    expect(issues.map((i) => i.message)).toEqual([
      'question "channels": minSelected 3 is more than maxSelected 2',
      'question "spend": min 10 is more than max 1',
    ]);
  });

  it('refuses question ids the respondent page uses for its own fields', () => {
    const issues = refuse(broken((d) => { d.questions[8]!.id = 'startedAt'; }));
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([{ path: 'questions.8.id', code: 'reserved_question_id', message: 'question id "startedAt" is reserved (the respondent page uses it)' }]);
  });

  it('refuses ids that cannot be form field names', () => {
    const issues = refuse(broken((d) => { d.questions[8]!.id = '__proto__'; }));
    expect(issues.map((i) => i.path)).toEqual(['questions.8.id']);
  });

  it('returns every issue, not only the first', () => {
    const issues = refuse(broken((d) => {
      (d.questions[2] as { scale: string }).scale = 'nope';
      d.questions[8]!.id = 'age';
      d.method.overall = { question: 'missing' };
    }));
    expect(issues.map((i) => i.path)).toEqual(['questions.2.scale', 'questions.8.id', 'method.overall.question']);
  });
});
