import { describe, expect, it } from 'vitest';
import { ineligibleAt, isEligible, isVisible, visibleQuestions } from '../../../surveys/visibility.ts';
import { templates } from '../../../surveys/templates/index.ts';
import { sampleDefinition } from './sample.ts';

const d = sampleDefinition();
const question = (id: string) => d.questions.find((q) => q.id === id)!;

describe('isVisible', () => {
  it('shows unconditional questions whatever the answers', () => {
    expect(isVisible(d, question('q1'), {})).toBe(true);
  });

  it('shows a follow-up only when its condition is met', () => {
    expect(isVisible(d, question('channels'), {})).toBe(false);
    expect(isVisible(d, question('channels'), { q1: 3 })).toBe(false);
    expect(isVisible(d, question('channels'), { q1: 2 })).toBe(true);
    expect(isVisible(d, question('channels'), { q1: '2' })).toBe(false);
  });

  it('matches a multi answer when any chosen value is listed', () => {
    expect(isVisible(d, question('channels-other'), { q1: 1, channels: ['wait', 'other'] })).toBe(true);
    expect(isVisible(d, question('channels-other'), { q1: 1, channels: ['wait'] })).toBe(false);
  });

  it('hides a question whose condition refers to a hidden question, even with a stale answer', () => {
    expect(isVisible(d, question('channels-other'), { q1: 5, channels: ['other'] })).toBe(false);
  });

  it('visibleQuestions lists the questions to show', () => {
    expect(visibleQuestions(d, { q1: 5 }).map((q) => q.id)).toEqual(['contact', 'role', 'q1', 'age', 'spend', 'overall', 'note']);
    expect(visibleQuestions(templates.public, { q4: 2 }).map((q) => q.id)).toContain('q4-why');
    expect(visibleQuestions(templates.public, { q4: 3 }).map((q) => q.id)).not.toContain('q4-why');
  });
});

describe('isEligible', () => {
  it('is eligible until a screener is answered with a value outside its list', () => {
    expect(isEligible(d, {})).toBe(true);
    expect(isEligible(d, { contact: 'yes' })).toBe(true);
    expect(isEligible(d, { contact: 'no' })).toBe(false);
    expect(ineligibleAt(d, { contact: 'no' })).toBe(0);
    expect(ineligibleAt(d, { contact: 'yes' })).toBe(-1);
  });

  it('ignores a screener that is hidden', () => {
    const conditional = sampleDefinition();
    conditional.questions.splice(3, 0, {
      id: 'used', kind: 'single', label: '是否使用过？', options: [{ value: 'y', label: '是' }, { value: 'n', label: '否' }],
      screener: { eligible: ['y'] }, visibleIf: { question: 'q1', in: [1] },
    });
    expect(isEligible(conditional, { q1: 1, used: 'n' })).toBe(false);
    expect(isEligible(conditional, { q1: 5, used: 'n' })).toBe(true);
  });
});
