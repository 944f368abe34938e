// The sheet table's 评分情况 (web/app/sheet/SheetTree.tsx): a report's stated rate of earlier
// figures is shown as that, in the page's language, and not as a finding.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFramework } from '../../../../scoring/framework/compile.ts';
import framework from '../../../../scoring/frameworks/department-overall.json' with { type: 'json' };
import seed from '../../../../scoring/frameworks/department-overall.inputs-2023.json' with { type: 'json' };
import { scoreSheet } from '../../../../scoring/sheet/score-sheet.ts';
import { setLang } from '../../../../web/app/i18n.ts';
import { SheetTree } from '../../../../web/app/sheet/SheetTree.tsx';

const parsed = parseFramework(framework);
if (!parsed.ok) throw new Error('the seed framework parses');
// 内部培训 re-scored 2 → 2.5 after the report was imported: 可持续发展能力's 83.33 % is of 12.5.
const { sheet } = scoreSheet(parsed.value, { ...seed, '4.3': { score: '2.5', reason: '复核' } }, { statedWith: new Map([['4', seed]]) });

function rowOf(code: string): string {
  const html = renderToString(h(SheetTree, { evaluationId: 'e', indicators: sheet.indicators, inputs: new Map(), onChange: () => {} }));
  const start = html.indexOf(`<tr id="ind-${code}"`);
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('a stated rate of earlier figures in the sheet table', () => {
  // setLang marks the document's language; there is none to mark here.
  afterEach(() => {
    vi.stubGlobal('document', { documentElement: {} });
    setLang('zh');
    vi.unstubAllGlobals();
  });

  it('is a note in 评分情况, not a finding', () => {
    const row = rowOf('4');
    expect(row).toContain('<p class="sub stated-before">报告所列得分率 83.33%（下级指标改动前）</p>');
    expect(row).not.toContain('has-finding');
    expect(row).not.toContain('class="findings"');
    expect(rowOf('1.1')).toContain('所列得分率 82.00% 与得分 7.2 ÷ 分值 10 = 72.00% 不符');
  });

  it('is in English on the English page', () => {
    vi.stubGlobal('document', { documentElement: {} });
    setLang('en');
    expect(rowOf('4')).toContain("Report's stated rate 83.33% (before indicators under it changed)");
  });
});
