// Multi and number questions, which the public template does not have.
import { expect, test } from 'vitest';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { templates } from '../../../surveys/templates/index.ts';
import { renderQuestionnairePage } from '../../../web/respondent/render.tsx';
import { all, assets, questionBox } from './page.ts';

const render = (definition: SurveyDefinition, values = {}) =>
  renderQuestionnairePage({ definition, slug: 's', lang: 'zh', responseId: 'r', startedAt: 't', assets, values });

test('a multi question: a fieldset of checkboxes sharing the question id, ticked from values', () => {
  const enterprise = templates.enterprise;
  const needs = enterprise.questions.find((q) => q.id === 'needs');
  if (needs?.kind !== 'multi') throw new Error('the enterprise template has a multi question "needs"');
  const [first, second] = needs.options;
  const box = questionBox(render(enterprise, { needs: [second!.value] }), 'needs');
  expect(box).toContain('<span class="mny-sub">（可多选）</span></legend>');
  expect(all(box, /<input type="checkbox" name="([^"]+)"/)).toEqual(needs.options.map(() => 'needs'));
  expect(box).toContain(`<input type="checkbox" name="needs" value="${first!.value}"/>`);
  expect(box).toContain(`<input type="checkbox" name="needs" value="${second!.value}" checked/>`);
});

test('a number question: a labelled number input with the right keyboard, limits and unit', () => {
  const definition: SurveyDefinition = {
    ...templates.enterprise,
    questions: [
      { id: 'staff', kind: 'number', label: '贵单位职工人数', integer: true, min: 0, max: 100000, unit: '人', required: true },
      { id: 'revenue', kind: 'number', label: '年营业收入', unit: '万元' },
    ],
    dimensions: [],
    method: { kind: 'weighted', notApplicable: 'exclude', overall: { dimensions: 'mean' } },
  };
  const html = render(definition, { staff: 120 });
  const staff = questionBox(html, 'staff');
  expect(staff).toContain('<label class="mny-l" for="i-staff">');
  expect(staff).toMatch(/<input id="i-staff" name="staff" type="number" inputmode="numeric" min="0" max="100000" step="1" value="120"\/>/);
  expect(staff).toContain('<span class="mny-unit">人</span>');
  const revenue = questionBox(html, 'revenue');
  expect(revenue).toMatch(/<input id="i-revenue" name="revenue" type="number" inputmode="decimal" step="any" value\/>/);
});
