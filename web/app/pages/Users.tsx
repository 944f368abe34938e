import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { User } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { TextField } from '../components/TextField.tsx';

/** Admin: every account, add one, disable or enable it, reset its password. */
export function Users({ self }: { self: User }) {
  const list = useLoad(() => api<{ users: User[] }>('/api/users'), 'users');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [resetting, setResetting] = useState<User | null>(null);

  const run = async (f: () => Promise<unknown>, done = '') => {
    setError(null);
    setNotice('');
    try {
      await f();
      setNotice(done);
      list.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('usersTitle')}</h1>
      <ErrorBox error={error ?? list.error} />
      <p role="status">{notice}</p>
      {list.data && (
        <div class="scroll">
          <table class="list">
            <thead><tr><th scope="col">{t('username')}</th><th scope="col">{t('role')}</th><th scope="col">{t('status')}</th><th scope="col"><span class="sr">{t('save')}</span></th></tr></thead>
            <tbody>
              {list.data.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{t(u.role === 'admin' ? 'role_admin' : 'role_evaluator')}</td>
                  <td>{u.disabled ? t('disabled') : t('active')}</td>
                  <td class="row">
                    {u.id !== self.id && (
                      <button type="button" class="btn small" onClick={() => run(() => api(`/api/users/${encodeURIComponent(u.id)}`, { method: 'PATCH', json: { disabled: !u.disabled } }))}>
                        {u.disabled ? t('enable') : t('disable')}<span class="sr"> {u.username}</span>
                      </button>
                    )}
                    <button type="button" class="btn small" onClick={() => setResetting(u)}>{t('resetPassword')}<span class="sr"> {u.username}</span></button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {resetting && (
        <ResetPassword
          user={resetting}
          onCancel={() => setResetting(null)}
          onSubmit={async (password) => {
            if (await run(() => api(`/api/users/${encodeURIComponent(resetting.id)}/password`, { method: 'PUT', json: { password } }), t('passwordReset', { user: resetting.username }))) setResetting(null);
          }}
        />
      )}
      <AddUser onAdd={(body) => run(() => api('/api/users', { json: body }))} />
    </section>
  );
}

function ResetPassword({ user, onCancel, onSubmit }: { user: User; onCancel: () => void; onSubmit: (password: string) => void }) {
  const [password, setPassword] = useState('');
  return (
    <form class="card stack" onSubmit={(e) => { e.preventDefault(); onSubmit(password); }}>
      <fieldset>
        <legend>{t('resetPassword')}：{user.username}</legend>
        <TextField id="reset-password" type="password" label={t('newPassword')} value={password} onInput={setPassword} autoComplete="new-password" required autoFocus />
        <p class="row">
          <button type="submit" class="btn primary">{t('resetPassword')}</button>
          <button type="button" class="btn" onClick={onCancel}>{t('cancel')}</button>
        </p>
      </fieldset>
    </form>
  );
}

function AddUser({ onAdd }: { onAdd: (body: { username: string; password: string; role: string }) => Promise<boolean> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('evaluator');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await onAdd({ username, password, role })) {
      setUsername('');
      setPassword('');
    }
  };
  return (
    <form class="card stack" onSubmit={submit}>
      <fieldset>
        <legend>{t('addUser')}</legend>
        <TextField id="new-username" label={t('username')} value={username} onInput={setUsername} autoComplete="off" required />
        <TextField id="new-password" type="password" label={t('newPassword')} value={password} onInput={setPassword} autoComplete="new-password" required />
        <div class="field">
          <label for="new-role">{t('role')}</label>
          <select id="new-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            <option value="evaluator">{t('role_evaluator')}</option>
            <option value="admin">{t('role_admin')}</option>
          </select>
        </div>
        <button type="submit" class="btn primary">{t('addUser')}</button>
      </fieldset>
    </form>
  );
}
