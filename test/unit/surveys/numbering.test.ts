// One numbering rule for the questionnaire, the entry page, the exports and the results files:
// main questions 1, 2, 3…; a follow-up under the question it belongs to (6.1).
import { describe, expect, test } from 'vitest';
import { mainQuestionNumbers, numberedLabel, numberMark, questionNumbers, type SurveyDefinition } from '../../../surveys/index.ts';
import { templates } from '../../../surveys/templates/index.ts';

const texts = (def: Pick<SurveyDefinition, 'questions'>) => Object.fromEntries([...questionNumbers(def)].map(([id, n]) => [id, n.text]));

/** The respondent page's rule as it was written before it moved to surveys/: what it must still give. */
function respondentRule(definition: SurveyDefinition): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const question of definition.questions) if (!question.visibleIf) numbers.set(question.id, numbers.size + 1);
  return numbers;
}

const q = (id: string, visibleIf?: string) => ({ id, kind: 'text' as const, label: id, ...(visibleIf ? { visibleIf: { question: visibleIf, in: ['x'] } } : {}) });

describe('questionNumbers', () => {
  test('the public template: main questions as the respondent sees them, follow-ups under theirs', () => {
    expect(texts(templates.public)).toEqual({
      contact: '1', identity: '2', town: '3', q1: '4', q2: '5', 'q2-why': '5.1', q3: '6', 'q3-why': '6.1', q4: '7', 'q4-why': '7.1',
      q5: '8', 'q5-why': '8.1', q6: '9', 'q6-why': '9.1', q7: '10', 'q7-why': '10.1', overall: '11', suggestion: '12',
    });
    expect(questionNumbers(templates.public).get('q3-why')).toEqual({ main: 6, sub: 1, text: '6.1' });
    expect(questionNumbers(templates.public).get('q3')).toEqual({ main: 6, text: '6' });
  });

  test('the main numbers are the respondent page’s rule: main questions 1, 2, 3…, follow-ups none', () => {
    for (const def of Object.values(templates)) {
      const main = new Map([...questionNumbers(def)].flatMap(([id, n]) => (n.sub === undefined ? [[id, n.main] as const] : [])));
      expect(main).toEqual(respondentRule(def));
      expect(mainQuestionNumbers(def)).toEqual(respondentRule(def));
    }
  });

  test('several follow-ups of one question, a follow-up of a follow-up, and one placed further down', () => {
    expect(texts({ questions: [q('a'), q('a1', 'a'), q('a2', 'a'), q('a1x', 'a1'), q('b'), q('a3', 'a'), q('c')] })).toEqual({
      a: '1', a1: '1.1', a2: '1.2', a1x: '1.3', b: '2', a3: '1.4', c: '3',
    });
  });

  test('a hand-built definition whose condition leads nowhere: under the question above, or no number', () => {
    expect(texts({ questions: [q('lost', 'nowhere'), q('a'), q('b', 'nowhere'), q('loop1', 'loop2'), q('loop2', 'loop1')] })).toEqual({
      a: '1', b: '1.1', loop1: '1.2', loop2: '1.3',
    });
  });
});

describe('numberedLabel', () => {
  test('"6. " before a main question, "6.1 " before a follow-up, nothing without a number', () => {
    const n = questionNumbers(templates.public);
    expect(numberedLabel(n.get('q3'), '您对本区高层次人才服务工作是否满意？')).toBe('6. 您对本区高层次人才服务工作是否满意？');
    expect(numberedLabel(n.get('q2-why'), '您不满意的主要原因是？')).toBe('5.1 您不满意的主要原因是？');
    expect(numberedLabel(undefined, '其他')).toBe('其他');
    expect([numberMark(n.get('q3')), numberMark(n.get('q2-why')), numberMark(undefined)]).toEqual(['6.', '5.1', '']);
  });
});
