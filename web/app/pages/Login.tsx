import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';
import type { User } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { TextField } from '../components/TextField.tsx';

export function Login({ next, onLogin }: { next: string | null; onLogin: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ user: User }>('/api/auth/login', { json: { username, password } });
      onLogin(r.user);
      navigate(next ?? '/app/', { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1 tabIndex={-1}>{t('loginTitle')}</h1>
      <form onSubmit={submit} class="stack">
        <ErrorBox error={error} />
        <TextField id="username" label={t('username')} value={username} onInput={setUsername} autoComplete="username" required autoFocus />
        <TextField id="password" type="password" label={t('password')} value={password} onInput={setPassword} autoComplete="current-password" required />
        <button type="submit" class="btn primary" disabled={busy}>{busy ? t('loggingIn') : t('loginButton')}</button>
      </form>
    </section>
  );
}
