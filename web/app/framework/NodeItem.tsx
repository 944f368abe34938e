import type { EditNode, SumProblem } from './tree.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { Field } from './Field.tsx';
import { ft } from './text.ts';

export type Action = 'up' | 'down' | 'indent' | 'outdent' | 'remove' | 'addChild';

export interface TreeState {
  sums: ReadonlyMap<string, SumProblem>;
  duplicates: ReadonlySet<string>;
  /** The server's issues, by the node they name. */
  issues: ReadonlyMap<string, string[]>;
}

/** The id of a node's action button, so focus can follow the node after it moves. */
export const buttonId = (nodeId: string, action: Action) => `fw-${nodeId}-${action}`;

/**
 * One indicator and, nested below it, its children: code, name, points, the rule of a leaf, the
 * buttons that move it, and the warnings about it (children's points, a duplicate code, what the
 * server said). Every control is a native input or button, so the tree is walked with Tab.
 */
export function NodeItem({ node, level, first, last, state, onEdit, onAction }: {
  node: EditNode;
  level: number;
  first: boolean;
  last: boolean;
  state: TreeState;
  onEdit: (id: string, patch: Partial<Omit<EditNode, 'id' | 'children'>>) => void;
  onAction: (id: string, action: Action) => void;
}) {
  const who = `${node.code} ${node.name}`.trim();
  const full = (field: string) => `${who}：${field}`;
  const sum = state.sums.get(node.id);
  const issues = state.issues.get(node.id) ?? [];
  const button = (action: Action, label: string, disabled = false) => (
    <button type="button" class="link" id={buttonId(node.id, action)} aria-label={full(label)} disabled={disabled} onClick={() => onAction(node.id, action)}>{label}</button>
  );
  return (
    <li class={`fw-node level-${Math.min(level, 4)}`} id={`fw-node-${node.code}`} data-node={node.id}>
      <div class="fw-line">
        <Field label={ft('code')} full={full(ft('code'))} value={node.code} size={7} onInput={(code) => onEdit(node.id, { code })} invalid={state.duplicates.has(node.id)} />
        <Field label={ft('indName')} full={full(ft('indName'))} value={node.name} size={18} onInput={(name) => onEdit(node.id, { name })} />
        <Field label={ft('points')} full={full(ft('points'))} value={node.points} size={5} inputMode="decimal" onInput={(points) => onEdit(node.id, { points })} invalid={sum !== undefined} />
        <span class="fw-actions">
          {button('up', ft('up'), first)}
          {button('down', ft('down'), last)}
          {button('indent', ft('indent'), first)}
          {button('outdent', ft('outdent'), level === 1)}
          {button('addChild', ft('addChild'))}
          {button('remove', ft('remove'))}
        </span>
      </div>
      {state.duplicates.has(node.id) && <p class="fw-warn" role="status">{ft('duplicate')}</p>}
      {sum && <p class="fw-warn sum-warning" role="status">{sum.sum === null ? ft('sumUnknown', { points: sum.points }) : ft('sumMismatch', { sum: sum.sum, points: sum.points })}</p>}
      {issues.length > 0 && <ul class="fw-issues err">{issues.map((m, i) => <li key={i}>{m}</li>)}</ul>}
      {/* Closed until wanted: the bundled framework has a paragraph of 评分标准 on every indicator.
          Its length is the schema's (scoring/framework/schema.ts, 2,000 characters). */}
      <details class="fw-criteria">
        <summary>{node.criteria?.trim() ? ft('criteria') : ft('criteriaEmpty')}</summary>
        <textarea rows={3} maxLength={2000} value={node.criteria ?? ''} aria-label={full(ft('criteria'))} onInput={(e) => onEdit(node.id, { criteria: e.currentTarget.value })} />
      </details>
      {node.children.length === 0
        ? <RuleEditor rule={node.rule} who={who} onChange={(rule) => onEdit(node.id, { rule })} />
        : <p class="sub fw-parent">{ft('parentRule')}</p>}
      {node.children.length > 0 && (
        <ol class="fw-children">
          {node.children.map((c, i) => (
            <NodeItem key={c.id} node={c} level={level + 1} first={i === 0} last={i === node.children.length - 1} state={state} onEdit={onEdit} onAction={onAction} />
          ))}
        </ol>
      )}
    </li>
  );
}
