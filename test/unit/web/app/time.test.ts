// Times in the evaluator app are Beijing time (DESIGN §10) whatever the clock of the machine the
// browser runs on: the results page's 提交时间 must agree with the CSV's 提交时间（北京时间）.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dateTime, timeOfDay } from '../../../../web/app/lib/time.ts';
import { dateTime as resultsDateTime } from '../../../../web/app/results/format.ts';
import { shanghaiTime } from '../../../../server/exports/time.ts';

const submitted = '2026-11-28T12:45:19.000Z';
const zones = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo'];

describe('dates and times are shown in Asia/Shanghai, not the browser clock', () => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  test('the machine really is on another clock here', () => {
    // What the page printed before: the browser's own zone, 8 hours off China's in UTC.
    expect(new Date(submitted).toLocaleString('zh-CN', { hour12: false })).toBe('2026/11/28 12:45:19');
  });

  test('a submission time reads as in the CSV, under every browser zone', () => {
    for (const zone of zones) {
      process.env.TZ = zone;
      expect(dateTime(submitted, 'zh'), zone).toBe('2026/11/28 20:45:19');
      expect(dateTime(submitted, 'en'), zone).toBe('28/11/2026, 20:45:19');
      expect(resultsDateTime(submitted, 'zh'), zone).toBe('2026/11/28 20:45:19');
      expect(timeOfDay(new Date(submitted), 'zh'), zone).toBe('20:45:19');
    }
    process.env.TZ = 'UTC';
    // The same instant as the export's column 提交时间（北京时间）.
    expect(shanghaiTime(submitted).replace(/-/g, '/')).toBe(dateTime(submitted, 'zh'));
  });

  test('the day turns at Beijing midnight, printed 00, never 24', () => {
    expect(dateTime('2026-11-28T16:00:00Z', 'zh')).toBe('2026/11/29 00:00:00');
    expect(dateTime('2026-11-28T15:59:59Z', 'zh')).toBe('2026/11/28 23:59:59');
    expect(timeOfDay('2026-11-28T16:00:05Z', 'en')).toBe('00:00:05');
    expect(dateTime('2026-12-31T16:30:00Z', 'en')).toBe('01/01/2027, 00:30:00');
  });

  test('what is not a time is shown as it came', () => {
    expect(dateTime('not a time', 'zh')).toBe('not a time');
  });
});
