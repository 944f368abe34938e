import { describe, expect, test } from 'vitest';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { strings } from '../../../web/respondent/i18n.ts';
import { renderNoticePage, renderQuestionnairePage, renderThanksPage } from '../../../web/respondent/render.tsx';
import { all, assets, embeddedData, publicTemplate, questionBox, renderPublic } from './page.ts';

describe('the questionnaire page', () => {
  const html = renderPublic();

  test('is a whole zh-CN document for phones, with the built CSS and the module script', () => {
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/entry-abc.css"/>');
    expect(html).toContain('<script type="module" src="/assets/entry-abc.js"></script>');
    expect(html).toContain(`<title>${publicTemplate.title}</title>`);
  });

  test('has no inline script or style for the CSP to refuse', () => {
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toContain('<style');
    const scripts = all(html, /<script([^>]*)>/);
    expect(scripts).toEqual([' type="module" src="/assets/entry-abc.js"', ' type="application/json" id="mny-data"']);
  });

  test('is a plain form posting to /s/{slug} with the hidden fields the server reads', () => {
    expect(html).toContain('<form method="post" action="/s/demo">');
    expect(html).toContain('<input type="hidden" name="id" value="0b6f8a52-8d1c-4c1e-9a0e-5d2f3c4b5a69"/>');
    expect(html).toContain('<input type="hidden" name="startedAt" value="2024-03-01T02:00:00.000Z"/>');
    expect(html).toContain('<input type="hidden" name="c" value="link"/>');
    expect(html).toContain('<input type="hidden" name="lang" value="zh"/>');
    expect(html).not.toContain('name="t"');
    const withToken = renderPublic({ token: 'tok-123' });
    expect(withToken).toContain('<input type="hidden" name="t" value="tok-123"/>');
    expect(withToken).toContain('href="?t=tok-123&amp;c=link&amp;lang=en"');
  });

  test('renders every question of the template, in order, each once', () => {
    const ids = all(html, /<div class="[^"]*" id="q-([^"]+)">/);
    expect(ids).toEqual(publicTemplate.questions.map((q) => q.id));
  });

  test('gives every likert question a fieldset with a legend and one radio per level, named by the question', () => {
    for (const question of publicTemplate.questions) {
      if (question.kind !== 'likert') continue;
      const box = questionBox(html, question.id);
      expect(box.match(/<fieldset/g)).toHaveLength(1);
      expect(box).toMatch(/<legend class="mny-l">/);
      expect(box).toContain(question.label);
      const scale = publicTemplate.scales[question.scale]!;
      const codes = [...scale.levels.map((l) => l.code), ...(scale.notApplicable ? [scale.notApplicable.code] : [])];
      expect(all(box, /<input type="radio" name="([^"]+)"/)).toEqual(codes.map(() => question.id));
      expect(all(box, /value="([^"]+)"/)).toEqual(codes.map(String));
      // Each radio is wrapped by its label, so the whole row is the tap target.
      expect(box.match(/<label class="mny-o[^"]*"><input type="radio"/g)).toHaveLength(codes.length);
    }
  });

  test('sets 不了解 apart from the satisfaction levels', () => {
    const box = questionBox(html, 'q2');
    expect(box).toContain('<label class="mny-o mny-apart"><input type="radio" name="q2" value="0"/><span>不了解</span>');
  });

  test('numbers the main questions and marks the required ones', () => {
    expect(questionBox(html, 'q1')).toContain('<span class="mny-n">4. </span>');
    expect(questionBox(html, 'q2-why')).not.toContain('mny-n');
    expect(questionBox(html, 'q1')).toContain('<span class="mny-sr">（必答）</span>');
    expect(questionBox(html, 'suggestion')).not.toContain('必答');
  });

  test('hides follow-ups until their condition holds, with a hint for respondents without JavaScript', () => {
    const why = questionBox(html, 'q2-why');
    expect(why).toMatch(/^<div class="mny-q mny-fu mny-off" id="q-q2-why">/);
    expect(why).toContain('<p class="mny-hint">（仅在上题选择“不满意”或“非常不满意”时填写）</p>');
    expect(why).toMatch(/<textarea id="i-q2-why" name="q2-why" rows="3" maxlength="500"/);
    expect(why).toContain('<label class="mny-l" for="i-q2-why">');
    expect(questionBox(html, 'q2')).not.toContain('mny-off');
    // Shown when the answers so far meet the condition.
    const unhappy = renderPublic({ values: { contact: 'yes', q2: 2 } });
    expect(questionBox(unhappy, 'q2-why')).toMatch(/^<div class="mny-q mny-fu" id="q-q2-why">/);
  });

  test('tells respondents without JavaScript which screener answer ends the questionnaire', () => {
    expect(questionBox(html, 'contact')).toContain('<p class="mny-hint">（选择“否”时，以下题目无需作答，可直接提交）</p>');
    const out = renderPublic({ values: { contact: 'no' } });
    expect(out).toContain('<p class="mny-note" role="status">根据您的回答，您无需继续作答，可直接提交。</p>');
    expect(questionBox(out, 'identity')).toContain('mny-off');
  });

  test('embeds what the client needs to hydrate, with < escaped', () => {
    const data = embeddedData(html) as Record<string, unknown>;
    expect(data).toMatchObject({
      slug: 'demo', lang: 'zh', responseId: '0b6f8a52-8d1c-4c1e-9a0e-5d2f3c4b5a69',
      startedAt: '2024-03-01T02:00:00.000Z', channel: 'link', values: {}, issues: [],
    });
    expect(data.definition).toEqual(publicTemplate);
    expect(data.text).toEqual(strings('zh'));
    expect((embeddedData(renderPublic({ lang: 'en' })) as { text: unknown }).text).toEqual(strings('en'));
  });

  test('in English: html lang, UI strings and a switch back to Chinese; definition text as written', () => {
    const en = renderPublic({ lang: 'en' });
    expect(en.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(en).toContain('<a class="mny-lang" href="?c=link&amp;lang=zh" hreflang="zh-CN" lang="zh-CN">中文</a>');
    expect(en).toContain('>Submit</button>');
    expect(en).toContain('(Only if you chose “不满意” or “非常不满意” in the previous question)');
    expect(en).toContain(publicTemplate.title);
    expect(html).toContain('<a class="mny-lang" href="?c=link&amp;lang=en" hreflang="en" lang="en">English</a>');
  });
});

describe('a form post re-rendered with its issues (422)', () => {
  const html = renderPublic({
    values: { contact: 'yes', identity: 'employee', q2: 2, 'q2-why': '办事要跑<三趟>' },
    issues: [
      { question: 'town', code: 'required', message: 'town: an answer is required' },
      { question: 'q2-why', code: 'too_long', message: 'q2-why: too long', params: { maxLength: 500, length: 501 } },
    ],
  });

  test('keeps the answers given', () => {
    expect(questionBox(html, 'contact')).toContain('<input type="radio" name="contact" value="yes" checked/>');
    expect(questionBox(html, 'q2')).toContain('<input type="radio" name="q2" value="2" checked/>');
    expect(questionBox(html, 'q2')).not.toContain('value="1" checked');
    expect(questionBox(html, 'q2-why')).toContain('>办事要跑&lt;三趟></textarea>');
  });

  test('shows each message beside its question, described by it', () => {
    const town = questionBox(html, 'town');
    expect(town).toMatch(/^<div class="mny-q mny-bad" id="q-town">/);
    expect(town).toContain('<fieldset class="mny-set" aria-describedby="e-town">');
    expect(town).toContain('<p class="mny-err" id="e-town">请回答此题。</p>');
    expect(town).toContain('aria-invalid="true"');
    const why = questionBox(html, 'q2-why');
    expect(why).toContain('<p class="mny-err" id="e-q2-why">请不超过 500 字。</p>');
    expect(why).toContain('aria-describedby="d-q2-why e-q2-why"');
  });

  test('lists them at the top, in page order, linking to the questions', () => {
    const summary = /<div class="mny-summary" role="alert" tabindex="-1">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(summary).toContain('有 2 处需要修改：');
    expect(all(summary, /<a href="(#q-[^"]+)"/)).toEqual(['#q-town', '#q-q2-why']);
    expect(all(summary, /<a [^>]*>([^<]*)<\/a>/)).toEqual(['第 3 题：请回答此题。', '第 5 题的补充：请不超过 500 字。']);
    expect(html.indexOf('mny-summary')).toBeLessThan(html.indexOf('<form'));
  });

  test('localises the messages from code and params', () => {
    const en = renderPublic({
      lang: 'en',
      issues: [{ question: 'town', code: 'required', message: 'town: an answer is required' }],
    });
    expect(en).toContain('Please fix the following (1):');
    expect(en).toContain('<a href="#q-town">Question 3: Please answer this question.</a>');
    // The message is the page's English inside a question box of Chinese survey text.
    expect(en).toContain('id="q-town" lang="zh-CN"');
    expect(en).toContain('<p class="mny-err" id="e-town" lang="en">Please answer this question.</p>');
  });
});

describe('definition text is text', () => {
  const hostile: SurveyDefinition = {
    ...publicTemplate,
    title: '</title><script>alert(1)</script>',
    intro: '<img src=x onerror=alert(1)>',
    questions: [
      { id: 'q1', kind: 'single', label: '<script>alert("q")</script>', required: true,
        options: [{ value: 'a', label: '<b>bold</b>' }] },
      { id: 'q2', kind: 'text', label: '"><svg onload=alert(2)>', help: '</script><script>alert(3)</script>' },
    ],
  };
  const html = renderQuestionnairePage({
    definition: hostile, slug: 'x', lang: 'zh', responseId: 'r', startedAt: 's', assets,
  });

  test('labels, options, help and the title are escaped', () => {
    expect(html).toContain('<title>&lt;/title>&lt;script>alert(1)&lt;/script></title>');
    expect(html).toContain('&lt;script>alert(&quot;q&quot;)&lt;/script>');
    expect(html).toContain('&quot;>&lt;svg onload=alert(2)>');
    expect(html).toContain('<span>&lt;b>bold&lt;/b></span>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<(script|img|svg|b)[ >](?!type=)/);
  });

  test('the embedded JSON cannot close its script element', () => {
    const block = /<script type="application\/json" id="mny-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(block).not.toContain('<');
    expect(block).toContain('\\u003c/script>\\u003cscript>alert(3)');
    expect((embeddedData(html) as { definition: SurveyDefinition }).definition).toEqual(hostile);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('the other pages', () => {
  test('thank-you page: the survey title, both languages, no script', () => {
    const html = renderThanksPage({ title: '满意度<调查>', lang: 'zh', assets });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1 tabindex="-1">提交成功，感谢您的参与！</h1>');
    expect(html).toContain('<div class="mny-alt" lang="en"><p class="mny-alt-h">Submitted. Thank you for taking part!</p>');
    expect(html).toContain('满意度&lt;调查>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/entry-abc.css"/>');
    expect(html).not.toContain('<script');
  });

  test.each([
    [404, '未找到问卷', 'Survey not found'],
    [409, '您已提交过本问卷，感谢参与', 'You have already answered this survey. Thank you!'],
    [410, '问卷已结束', 'This survey has ended'],
    [400, '暂时无法打开问卷', 'The survey cannot be opened right now'],
  ])('notice %i: in the asked language, then the other', (status, zh, en) => {
    const chinese = renderNoticePage({ status, lang: 'zh', assets });
    expect(chinese).toContain(`<title>${zh}</title>`);
    expect(chinese).toContain(`<h1 tabindex="-1">${zh}</h1>`);
    expect(chinese).toContain(`<div class="mny-alt" lang="en"><p class="mny-alt-h">${en}</p>`);
    const english = renderNoticePage({ status, lang: 'en', assets, title: 'Survey' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(`<h1 tabindex="-1">${en}</h1>`);
    expect(english).toContain(`<div class="mny-alt" lang="zh-CN"><p class="mny-alt-h">${zh}</p>`);
    expect(english).toContain('<p class="mny-sub">Survey</p>');
    expect(english).not.toContain('<script');
  });
});
