import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { Member, User } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';

interface Props {
  evaluationId: string;
  members: Member[];
  admin: boolean;
  onChange: () => void;
}

/** Who belongs to the evaluation; an admin adds and removes members here. */
export function Members({ evaluationId, members, admin, onChange }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState('');
  const users = useLoad(() => (admin ? api<{ users: User[] }>('/api/users') : Promise.resolve({ users: [] as User[] })), `users-${admin}`);
  const path = (userId: string) => `/api/evaluations/${encodeURIComponent(evaluationId)}/members/${encodeURIComponent(userId)}`;

  const run = async (method: 'PUT' | 'DELETE', userId: string) => {
    setError(null);
    try {
      await api(path(userId), { method, json: {} });
      setChosen('');
      onChange();
    } catch (err) {
      setError(err);
    }
  };

  const candidates = (users.data?.users ?? []).filter((u) => !u.disabled && !members.some((m) => m.id === u.id));
  return (
    <section class="card">
      <h2>{t('membersTitle')}</h2>
      <ErrorBox error={error ?? users.error} />
      {members.length === 0 ? <p>{t('noMembers')}</p> : (
        <ul class="plain">
          {members.map((m) => (
            <li key={m.id}>
              {m.username} <span class="sub">{t(m.role === 'admin' ? 'role_admin' : 'role_evaluator')}</span>
              {admin && <button type="button" class="btn small" onClick={() => run('DELETE', m.id)}>{t('removeMember')}<span class="sr"> {m.username}</span></button>}
            </li>
          ))}
        </ul>
      )}
      {admin && (
        <form class="row" onSubmit={(e) => { e.preventDefault(); if (chosen) void run('PUT', chosen); }}>
          <div class="field">
            <label for="member-user">{t('chooseUser')}</label>
            <select id="member-user" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
              <option value="">—</option>
              {candidates.map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}
            </select>
          </div>
          <button type="submit" class="btn" disabled={!chosen}>{t('addMember')}</button>
        </form>
      )}
    </section>
  );
}
