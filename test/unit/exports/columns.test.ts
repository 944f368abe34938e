// The response export's columns: questions numbered as on the questionnaire, codes beside their
// names, each row valid or why not as the accounting and the response list decide it, and the
// names the same words the evaluator app shows.
import { describe, expect, test } from 'vitest';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { templates } from '../../../surveys/templates/index.ts';
import type { ListedResponse } from '../../../server/db/response-list.ts';
import { exportColumns, fixedHeader, type ExportRow } from '../../../server/exports/columns.ts';
import { channelNames, flagNames, groupNames, invalidNames } from '../../../server/exports/labels.ts';
import { filterText } from '../../../server/exports/notes.ts';
import { responseStatus } from '../../../server/responses/counting.ts';
import { _tables, tOr } from '../../../web/app/i18n.ts';
import { rtOr } from '../../../web/app/results/text.ts';

const current: SurveyDefinition = templates.public;
// Version 1 asked one more question, since dropped, and had no q7.
const older: SurveyDefinition = {
  ...current,
  questions: [
    ...current.questions.filter((q) => q.id !== 'q7' && q.id !== 'q7-why' && q.id !== 'suggestion'),
    { id: 'hall', kind: 'text', label: '您去过哪个办事大厅？', maxLength: 100 },
    { id: 'suggestion', kind: 'text', label: '意见建议', maxLength: 1000 },
  ],
};

function listed(over: Partial<ListedResponse> = {}): ListedResponse {
  return {
    id: 'r1', survey_id: 's', seq: 1, definition_version: 2, channel: 'qr', respondent_group: 'public', token: null, source: null,
    started_at: null, submitted_at: '2023-11-20T02:31:02.000Z', answers: JSON.stringify({ contact: 'yes', q2: 2, 'q2-why': '排队太久' }),
    prev_hash: 'p', hash: 'h', excluded: false, flags: [], ...over,
  };
}

const row = (r: ListedResponse, exclusion: string | null = null): ExportRow => ({ response: r, excluded: r.excluded, exclusion, status: responseStatus(r), flags: r.flags });

describe('exportColumns', () => {
  const columns = exportColumns(new Map([[1, older], [2, current]]), 2);
  const at = (name: string) => columns.header.indexOf(name);

  test('numbers questions as the questionnaire does; a dropped question keeps its own version’s number, named', () => {
    expect(columns.header.slice(0, fixedHeader.length)).toEqual([...fixedHeader]);
    expect(at('6. 您对本区高层次人才服务工作是否满意？（代码）')).toBeGreaterThan(0);
    expect(at('5.1 您不满意的主要原因是？')).toBeGreaterThan(0);
    expect(at('10.1 您不满意的主要原因是？')).toBeGreaterThan(0);
    expect(at('12. 您对临港区科技创新局今后的工作有什么意见或建议？')).toBeGreaterThan(0);
    // Version 1: contact … q6-why (9.1), overall 10, hall 11.
    expect(columns.header.at(-2)).toBe('11. 您去过哪个办事大厅？（第 1 版）');
    expect(columns.header.at(-1)).toBe('哈希');
  });

  test('a row: channel and group by name with their codes, valid or why not, flags in words and codes', () => {
    const cells = columns.row(row(listed({ flags: ['too_fast', 'duplicate_device'] })));
    const cell = (name: string) => cells[at(name)];
    expect(['渠道', '渠道代码', '受访群体', '受访群体代码'].map(cell)).toEqual(['二维码', 'qr', '社会公众', 'public']);
    expect(['是否有效', '无效原因', '是否剔除', '剔除原因'].map(cell)).toEqual(['是', null, '否', null]);
    expect([cell('标记'), cell('标记代码')]).toEqual(['用时过短；同一设备重复', 'too_fast;duplicate_device']);
    expect([cell('5. 您对临港区科技创新局在扶持企业发展和推动科技创新方面的工作效果是否满意？（代码）'), cell('5.1 您不满意的主要原因是？')]).toEqual([2, '排队太久']);

    const ineligible = columns.row(row(listed({ flags: ['ineligible'], excluded: true, channel: 'survey-tool', respondent_group: 'farmers' }), '重复'));
    expect(['渠道', '渠道代码', '受访群体', '受访群体代码', '是否有效', '无效原因', '是否剔除', '剔除原因'].map((h) => ineligible[at(h)]))
      .toEqual(['survey-tool', 'survey-tool', 'farmers', 'farmers', '否', '不符合调查对象条件', '是', '重复']);
    const excluded = columns.row(row(listed({ excluded: true }), '重复'));
    expect(['是否有效', '无效原因', '标记'].map((h) => excluded[at(h)])).toEqual(['否', '已剔除', null]);
  });
});

describe('responseStatus', () => {
  test('ineligible before excluded, as the accounting counts them', () => {
    for (const excluded of [false, true]) {
      for (const flags of [[], ['ineligible'], ['too_fast'], ['ineligible', 'straight_line'], ['burst']]) {
        const r = listed({ excluded, flags });
        expect(responseStatus(r), JSON.stringify({ excluded, flags })).toBe(flags.includes('ineligible') ? 'ineligible' : excluded ? 'excluded' : 'valid');
      }
    }
  });
});

describe('the names', () => {
  test('are the words the evaluator app shows for the same codes', () => {
    for (const [code, name] of Object.entries(channelNames)) expect(name, code).toBe(tOr(`channel_${code}`, code));
    for (const [code, name] of Object.entries(groupNames)) expect(name, code).toBe(tOr(`group_${code}`, code));
    for (const [code, name] of Object.entries(flagNames)) expect(name, code).toBe(rtOr(`flag_${code}`, code));
    for (const [code, name] of Object.entries(invalidNames)) expect(name, code).toBe(rtOr(`invalid_${code}`, code));
    // And the other way: a channel or group the app names has its name in the files too.
    const appCodes = (prefix: string) => Object.keys(_tables.zh).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)).sort();
    expect(Object.keys(channelNames).sort()).toEqual(appCodes('channel_'));
    expect(Object.keys(groupNames).sort()).toEqual(appCodes('group_'));
  });

  test('filters in the 说明 sheet: names with their codes', () => {
    expect(filterText({ group: 'enterprise', channel: 'paper', excluded: 'exclude' })).toBe('受访群体：企业（enterprise）；渠道：纸质（paper）；剔除的答卷：不含');
    expect(filterText({ group: 'farmers' })).toBe('受访群体：farmers');
    expect(filterText({})).toBe('无（全部答卷）');
  });
});
