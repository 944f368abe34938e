import { readFile } from 'node:fs/promises';
import { bundledFramework, bundledFrameworks } from '../../scoring/frameworks/index.ts';
import { parseFramework } from '../../scoring/framework/compile.ts';
import { scoreSheet } from '../../scoring/sheet/score-sheet.ts';
import { sheetTable } from '../../scoring/sheet/text-table.ts';

// `manyidu score FRAMEWORK INPUTS [--json]`: the sheet offline. The only IO of scoring is here:
// read two JSON files, print the sheet; every problem with them exits 2 with messages that name
// the file and the indicator code, so an evaluator can fix the file without reading code.

const usage = `usage: manyidu score FRAMEWORK INPUTS [--json]
  FRAMEWORK  a framework JSON file, or a bundled name (${Object.keys(bundledFrameworks).join(', ')})
  INPUTS     the inputs JSON file, keyed by indicator code
  --json     print the sheet as JSON (DESIGN §7) instead of a table`;

class BadFile extends Error {}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BadFile(`${path}：无法读取（${code === 'ENOENT' ? '文件不存在' : (code ?? String(err))}）`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new BadFile(`${path}：不是有效的 JSON（${(err as Error).message}）`);
  }
}

function fail(lines: string[]): number {
  process.stderr.write(`${lines.join('\n')}\n`);
  return 2;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const positional = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || positional.length !== 2) {
    return fail([...unknown.map((a) => `unknown option: ${a}`), usage]);
  }
  const [frameworkArg, inputsArg] = positional as [string, string];

  let frameworkJson: unknown;
  let inputsJson: unknown;
  try {
    frameworkJson = bundledFramework(frameworkArg) ?? (await readJson(frameworkArg));
    inputsJson = await readJson(inputsArg);
  } catch (err) {
    if (err instanceof BadFile) return fail([err.message]);
    throw err;
  }

  const framework = parseFramework(frameworkJson);
  if (!framework.ok) return fail([`${frameworkArg}：指标体系有 ${framework.issues.length} 处错误`, ...framework.issues.map((i) => `  ${i.message}`)]);
  const { sheet, issues } = scoreSheet(framework.value, inputsJson);
  if (issues.length > 0) return fail([`${inputsArg}：输入有 ${issues.length} 处错误`, ...issues.map((i) => `  ${i.message}`)]);

  process.stdout.write(json ? `${JSON.stringify(sheet, null, 2)}\n` : `${sheetTable(sheet)}\n`);
  return 0;
}
