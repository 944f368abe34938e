import departmentOverall from './department-overall.json' with { type: 'json' };
import departmentOverallInputs2023 from './department-overall.inputs-2023.json' with { type: 'json' };

/**
 * Frameworks shipped with manyidu, by the name an evaluation or `manyidu score` may use instead
 * of a file. `department-overall` is the seed report's 附件1 (部门整体支出绩效评价指标体系).
 * They are raw JSON: parse them with parseFramework like any other.
 */
export const bundledFrameworks: Readonly<Record<string, unknown>> = {
  'department-overall': departmentOverall,
};

/** The seed's 2023 inputs for `department-overall` (附件2, 表3–表7), as an example and golden test. */
export const bundledExampleInputs: Readonly<Record<string, unknown>> = {
  'department-overall': departmentOverallInputs2023,
};

export function bundledFramework(name: string): unknown {
  return Object.hasOwn(bundledFrameworks, name) ? bundledFrameworks[name] : undefined;
}
