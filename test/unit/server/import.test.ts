// The pure parts of an import: times as 问卷星 writes them, text encodings, and cell conversion.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { templates } from '../../../surveys/templates/index.ts';
import { parseBeijingTime, parseDuration } from '../../../server/import/times.ts';
import { decodeText } from '../../../server/import/decode.ts';
import { cellAnswer } from '../../../server/import/convert.ts';
import { resolveMapping } from '../../../server/import/mapping.ts';
import { importedResponseId } from '../../../server/import/ids.ts';
import type { Table } from '../../../server/import/table.ts';

describe('times', () => {
  it('reads Beijing wall-clock times and ISO times with a zone', () => {
    expect(parseBeijingTime('2023/11/20 10:31:02')).toBe('2023-11-20T02:31:02.000Z');
    expect(parseBeijingTime('2023-01-01 07:00')).toBe('2022-12-31T23:00:00.000Z');
    expect(parseBeijingTime('2023.3.5')).toBe('2023-03-04T16:00:00.000Z');
    expect(parseBeijingTime('2023-11-20T10:31:02+08:00')).toBe('2023-11-20T02:31:02.000Z');
    for (const bad of ['2023/02/30 10:00:00', '2023/13/01', '2023/11/20 24:00:00', 'yesterday', '']) expect(parseBeijingTime(bad)).toBeNull();
  });
  it('reads the time taken', () => {
    expect(parseDuration('125秒')).toBe(125);
    expect(parseDuration(' 98 ')).toBe(98);
    expect(parseDuration('2分5秒')).toBe(125);
    expect(parseDuration('3分钟')).toBe(180);
    expect(parseDuration('fast')).toBeNull();
  });
});

describe('decoding', () => {
  it('tells UTF-8 (with or without BOM) from GB18030', () => {
    const text = '序号,提交答卷时间\n1,非常满意';
    expect(decodeText(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });
});

describe('cells', () => {
  const definition = templates.public;
  const table: Table = { format: 'csv', header: ['a', 'b', 'c', 'd'], rows: [] };
  const resolved = resolveMapping({ columns: { a: 'q1', b: 'town', c: 'overall', d: 'suggestion' }, values: { '*': { 很满意: 5 }, town: { 草庙子: 'caomiaozi' } } }, table, definition);
  if (!resolved.ok) throw new Error('mapping');
  const m = resolved.mapping;
  const q = (id: string) => definition.questions.find((x) => x.id === id)!;

  it('turns labels, codes and mapped texts into answers, and leaves the rest for the validator', () => {
    expect(cellAnswer(definition, q('overall'), ' 非常满意 ', m)).toBe(5);
    expect(cellAnswer(definition, q('overall'), '4', m)).toBe(4);
    expect(cellAnswer(definition, q('overall'), '不了解', m)).toBe(0);
    expect(cellAnswer(definition, q('overall'), '很满意', m)).toBe(5);
    expect(cellAnswer(definition, q('overall'), '还行', m)).toBe('还行');
    expect(cellAnswer(definition, q('q1'), '非常了解', m)).toBe(5);
    expect(cellAnswer(definition, q('town'), '汪疃镇', m)).toBe('wangtuan');
    expect(cellAnswer(definition, q('town'), '草庙子', m)).toBe('caomiaozi');
    expect(cellAnswer(definition, q('suggestion'), '=1+1', m)).toBe('=1+1');
    expect(cellAnswer(definition, q('suggestion'), '   ', m)).toBeUndefined();
  });

  it('reports required questions no column answers', () => {
    expect(m.unmappedRequired).toContain('contact');
    expect(m.unmappedRequired).not.toContain('overall');
  });

  it('derives stable, distinct response ids per survey, file and row', () => {
    const id = importedResponseId('s1', 'abc', 2);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedResponseId('s1', 'abc', 2)).toBe(id);
    expect(new Set([id, importedResponseId('s1', 'abc', 3), importedResponseId('s2', 'abc', 2), importedResponseId('s1', 'abd', 2)]).size).toBe(4);
  });
});
