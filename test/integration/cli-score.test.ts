import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// The real command, spawned as an evaluator would run it: `node bin/manyidu.js score …`.
const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const framework = 'scoring/frameworks/department-overall.json';
const inputs = 'scoring/frameworks/department-overall.inputs-2023.json';

async function score(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/manyidu.js', 'score', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'manyidu-score-'));
});

describe('manyidu score', () => {
  it('--json prints the sheet of DESIGN §7: total 84.6, grade 良', async () => {
    const r = await score(framework, inputs, '--json');
    expect(r.code).toBe(0);
    const sheet = JSON.parse(r.stdout);
    expect(sheet).toMatchObject({ total: '84.6', points: '100', grade: '良', complete: true });
    expect(sheet.indicators.map((i: { score: string }) => i.score)).toEqual(['34.1', '20', '18', '12.5']);
    expect(Object.keys(sheet.indicators[0])).toEqual(expect.arrayContaining(['code', 'name', 'points', 'score', 'rate', 'reason', 'findings', 'children']));
  });

  it('a bundled name stands for the framework file', async () => {
    const r = await score('department-overall', inputs, '--json');
    expect(JSON.parse(r.stdout).total).toBe('84.6');
  });

  it('prints a Chinese table aligned by display width, with the total, grade and findings', async () => {
    const r = await score(framework, inputs);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[2]).toMatch(/^指标\s+分值\s+得分\s+得分率\s+扣分原因 \/ 发现$/);
    expect(r.stdout).toMatch(/^合计\s+100\s+84\.6\s+84\.60%$/m);
    expect(r.stdout).toContain('综合评价等级：良');
    expect(r.stdout).toContain('【发现】录入得分 2（扣 2，得分率 50.00%）');
    expect(r.stdout).toContain('审核发现：3 处');
    // Every row's 得分率 column ends at the same display column, CJK names or not.
    const wide = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const rateEnds = lines.filter((l) => /^ {0,6}\d[\d.]* \S/.test(l)).map((l) => wide(l.slice(0, l.search(/%/) + 1)));
    expect(rateEnds.length).toBeGreaterThan(50);
    expect(new Set(rateEnds).size).toBe(1);
  });

  it('exits 2 naming the file when it is missing or not JSON', async () => {
    const missing = await score(framework, join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json：无法读取（文件不存在）');
    const notJson = join(dir, 'bad.json');
    await writeFile(notJson, '{ "1.1": ');
    const bad = await score(notJson, inputs);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json：不是有效的 JSON');
  });

  it("exits 2 with the schema's messages naming codes and paths", async () => {
    const f = join(dir, 'framework.json');
    await writeFile(f, JSON.stringify({ name: '坏', grades: [{ min: 0, label: '差' }], indicators: [{ code: '1', name: '甲', points: 10, children: [{ code: '1.1', name: '乙', points: 5, rule: { kind: 'manual' } }] }] }));
    const r = await score(f, inputs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('指标 1（甲） indicators[0].points：下级指标分值合计 5，与本级分值 10 不符');
  });

  it('exits 2 on inputs the framework does not take', async () => {
    const i = join(dir, 'inputs.json');
    await writeFile(i, JSON.stringify({ '9.9': { score: '1' }, '3.2.1': { rate: '96.67', score: '5' }, '4.1': { score: '3' } }));
    const r = await score('department-overall', i);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inputs["9.9"]：指标 9.9 不在指标体系');
    expect(r.stderr).toContain('指标 3.2.1（社会满意度指标） inputs["3.2.1"].score：得分 5 超过分值 4');
    expect(r.stderr).toContain('指标 4.1（长效管理机制建设情况） inputs["4.1"].reason：得分低于分值时须填写扣分原因');
  });

  it('exits 2 with usage on wrong arguments', async () => {
    const r = await score(framework);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: manyidu score FRAMEWORK INPUTS [--json]');
    expect((await score(framework, inputs, '--xml')).stderr).toContain('unknown option: --xml');
  });
});
