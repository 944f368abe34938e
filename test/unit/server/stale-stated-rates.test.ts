// Which parents' stated rates belong to earlier figures (server/sheet/stale-stated-rates.ts), from
// the entries' history on the seed framework: a parent summed from its children whose figures
// under it are no longer those of the parent's own entry. The seed's inputs file, one append with
// its parents before their children, is the figures its rates were stated with.
import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../../scoring/framework/compile.ts';
import framework from '../../../scoring/frameworks/department-overall.json' with { type: 'json' };
import seed from '../../../scoring/frameworks/department-overall.inputs-2023.json' with { type: 'json' };
import type { HistoryEntry } from '../../../server/db/indicator-entries.ts';
import { inputsAsOf, staleStatedRates } from '../../../server/sheet/stale-stated-rates.ts';

const parsed = parseFramework(framework);
if (!parsed.ok) throw new Error('the seed framework parses');
const seedFramework = parsed.value;

type Change = [kind: 'input' | 'binding', code: string, value: unknown];
const input = (code: string, value: unknown): Change => ['input', code, value];

/** A history of appends, each a list of changes, numbered as appendEntries numbers them. */
function history(...appends: Change[][]): HistoryEntry[] {
  let seq = 0;
  return appends.flatMap((changes) => {
    const append = seq + 1;
    return changes.map(([kind, code, value]) => ({ kind, code, value: value === null ? null : JSON.stringify(value), seq: ++seq, append }));
  });
}

const imported = Object.entries(seed).map(([code, value]) => input(code, value));
const stale = (...appends: Change[][]) => [...staleStatedRates(seedFramework, history(imported, ...appends)).keys()].sort();

describe('stale stated rates', () => {
  it('none after the inputs file, whatever the order of its entries', () => {
    expect(stale()).toEqual([]);
    expect([...staleStatedRates(seedFramework, history([...imported].reverse())).keys()]).toEqual([]);
  });

  it('a child re-scored later makes every parent above it stale, up to the first level', () => {
    expect(stale([input('4.3', { score: '2.5', reason: '复核后扣 0.5 分' })])).toEqual(['4']);
    expect(stale([input('1.1.1', { score: '3.5', reason: '复核' })])).toEqual(['1', '1.1']);
    expect(stale([input('2.6.1.1', { met: [false] })])).toEqual(['2', '2.6', '2.6.1']);
  });

  it('a survey bound to a child scored by hand changes nothing: the entered score wins', () => {
    const scored = input('3.2.1', { score: '4', reason: '按访谈结果评分' });
    const bind = ['binding', '3.2.1', { surveys: [{ surveyId: 's' }], metric: 'overall', combine: 'bySample' }] as Change;
    // 3.2 and 3 stated again with the hand score (rates other than the report's 100.00 and 90.00,
    // so the entries state them anew): a binding made after it moves neither.
    const restated = [scored, input('3.2', { statedRate: '90' }), input('3', { statedRate: '92' })];
    expect(stale(restated)).toEqual([]);
    expect(stale(restated, [bind])).toEqual([]);
    // Without the hand score the same binding is a change of 3.2.1's figures.
    expect(stale([input('3.2', { statedRate: '90' }), input('3', { statedRate: '92' })], [bind])).toEqual(['3', '3.2']);
  });

  it('a child cleared, or its survey bound, is a change of its figures', () => {
    expect(stale([input('4.3', null)])).toEqual(['4']);
    expect(stale([['binding', '3.2.1', { surveys: [{ surveyId: 's' }], metric: 'overall', combine: 'bySample' }]])).toEqual(['3', '3.2']);
  });

  it('a reworded reason, a source or a child\'s own stated rate changes no figure', () => {
    const training = seed['4.3'];
    expect(stale([input('4.3', { ...training, reason: '培训记录不全' })])).toEqual([]);
    expect(stale([input('4.3', { score: training.score, reason: training.reason })])).toEqual([]);
    expect(stale([input('1.1', { statedRate: '72.00', source: '复核' })])).toEqual([]);
  });

  it('figures changed and changed back are the figures the rate was stated with', () => {
    expect(stale([input('4.3', { score: '2.5', reason: '复核' })], [input('4.3', seed['4.3'])])).toEqual([]);
    // The same score written otherwise is the same figure.
    expect(stale([input('4.3', { ...seed['4.3'], score: `${seed['4.3'].score}.0` })])).toEqual([]);
    expect(stale([input('4.3', { ...seed['4.3'], score: Number(seed['4.3'].score) })])).toEqual([]);
  });

  it('nothing under a child scored as a whole moves its parent: 部门综合效益 is 10 whatever 3.1.1 is', () => {
    expect(stale([input('3.1.1', { score: '2', reason: '复核' })])).toEqual([]);
    // 预算执行 is entered as 2 over its elements' rules, so its element ① moves nothing either.
    expect(stale([input('2.3.2.1', { value: '60' })])).toEqual([]);
  });

  it('a parent entered again after the change states its rate for the new figures', () => {
    expect(stale([input('4.3', { score: '2.5', reason: '复核' })], [input('4', { statedRate: '86.67', source: '复核' })])).toEqual([]);
    // Entered together with the change, it is stated with it too.
    expect(stale([input('4.3', { score: '2.5', reason: '复核' }), input('4', { statedRate: '86.67' })])).toEqual([]);
  });

  it('a parent entered again with the same rate (its source or reason reworded) keeps the figures it was stated with', () => {
    const rescore = [input('4.3', { score: '2.5', reason: '复核' })];
    expect(stale(rescore, [input('4', { statedRate: seed['4'].statedRate, source: '表3（复核稿）' })])).toEqual(['4']);
    // …and its rate is checked against the inputs of the import, the append that stated it.
    const anchors = staleStatedRates(seedFramework, history(imported, rescore, [input('4', { statedRate: seed['4'].statedRate, source: '表3（复核稿）' })]));
    expect(anchors.get('4')).toBe(1);
    expect(inputsAsOf(history(imported, rescore), 1)['4.3']).toEqual(seed['4.3']);
    // The same rate typed with another trailing zero, or as a number, is the same rate.
    const retyped = `${String(seed['4'].statedRate)}0`;
    expect(stale(rescore, [input('4', { statedRate: retyped, source: '表3（复核稿）' })])).toEqual(['4']);
    expect(stale(rescore, [input('4', { statedRate: Number(seed['4'].statedRate), source: '表3（复核稿）' })])).toEqual(['4']);
  });

  it('a parent with a score of its own is stated with that score, never stale', () => {
    expect(stale([input('4.3', { score: '2.5', reason: '复核' })], [input('4', { score: '13', statedRate: '83.33', reason: '整体评分' })], [input('4.4', { score: '3' })])).toEqual([]);
  });
});
