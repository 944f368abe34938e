// The desk entry page's summary numbers a follow-up under its question, as the exports do.
import { createRef, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { expect, test } from 'vitest';
import { templates } from '../../../../surveys/templates/index.ts';
import { EntrySummary } from '../../../../web/app/entry/EntrySummary.tsx';

test('main questions 1, 2, 3…, a follow-up 5.1: never "·."', () => {
  const definition = templates.public;
  const html = renderToString(
    h(EntrySummary, {
      definition, questions: definition.questions, answers: { q2: 2, 'q2-why': '排队太久' },
      headingRef: createRef<HTMLHeadingElement>(), busy: false, onSave: () => {},
    }),
  );
  expect(html).not.toContain('·');
  expect(html).toContain('<span class="sub">5.</span> 您对临港区科技创新局在扶持企业发展和推动科技创新方面的工作效果是否满意？');
  expect(html).toContain('<span class="sub">5.1</span> 您不满意的主要原因是？ <strong class="answer">排队太久</strong>');
  expect(html).toContain('<span class="sub">6.</span> 您对本区高层次人才服务工作是否满意？');
});
