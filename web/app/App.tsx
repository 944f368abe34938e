import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure, setUnauthorizedHandler } from './lib/api.ts';
import { currentRoute, navigate, onNavigate, routePath, type Route } from './lib/router.ts';
import type { User } from './lib/types.ts';
import { lang, setLang, t } from './i18n.ts';
import { Link } from './components/Link.tsx';
import { Login } from './pages/Login.tsx';
import { Evaluations } from './pages/Evaluations.tsx';
import { EvaluationPage } from './pages/EvaluationPage.tsx';
import { SheetPage } from './pages/SheetPage.tsx';
import { FrameworkPage } from './pages/FrameworkPage.tsx';
import { SurveyPage } from './pages/SurveyPage.tsx';
import { Distribute } from './pages/Distribute.tsx';
import { PosterPage } from './pages/PosterPage.tsx';
import { TokenSheet } from './pages/TokenSheet.tsx';
import { EntryPage } from './pages/EntryPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { ResultsPage } from './pages/ResultsPage.tsx';
import { Users } from './pages/Users.tsx';

/** The shell: who is logged in, the header, and the page for the address. */
export function App() {
  const [route, setRoute] = useState<Route>(currentRoute);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [, setLangState] = useState(lang());

  useEffect(() => {
    const off = onNavigate(() => setRoute(currentRoute()));
    const pop = () => setRoute(currentRoute());
    addEventListener('popstate', pop);
    setUnauthorizedHandler(() => {
      setUser(null);
      const here = location.pathname + location.search;
      navigate(routePath({ name: 'login', next: here.startsWith('/app/login') ? null : here }), { replace: true });
    });
    api<{ user: User }>('/api/auth/me').then(
      (r) => setUser(r.user),
      (e: unknown) => {
        setUser(null);
        if (e instanceof ApiFailure && e.status === 401 && currentRoute().name !== 'login') {
          navigate(routePath({ name: 'login', next: location.pathname + location.search }), { replace: true });
        }
      },
    );
    return () => {
      off();
      removeEventListener('popstate', pop);
    };
  }, []);

  // A new page: its heading is where a keyboard or screen reader user continues.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route]);

  const switchLang = () => {
    const next = lang() === 'zh' ? 'en' : 'zh';
    setLang(next);
    setLangState(next);
  };

  const logout = async () => {
    await api('/api/auth/logout', { method: 'POST', json: {} }).catch(() => {});
    setUser(null);
    navigate(routePath({ name: 'login', next: null }));
  };

  const printOnly = route.name === 'poster' || route.name === 'tokenSheet';
  return (
    <div class={printOnly ? 'shell print-page' : 'shell'}>
      <a class="skip" href="#main">{t('skip')}</a>
      <header class="top">
        <Link href="/app/" class="brand">{t('appName')}</Link>
        <nav aria-label={t('appName')}>
          {user && <Link href="/app/">{t('navEvaluations')}</Link>}
          {user?.role === 'admin' && <Link href="/app/admin/users">{t('navUsers')}</Link>}
        </nav>
        <span class="who">
          {user && <span class="user">{user.username}</span>}
          <button type="button" class="link" lang={lang() === 'zh' ? 'en' : 'zh-CN'} aria-label={t('langName')} onClick={switchLang}>{t('lang')}</button>
          {user && <button type="button" class="link" onClick={logout}>{t('logout')}</button>}
        </span>
      </header>
      <main id="main">
        <Page route={route} user={user} onLogin={(u) => setUser(u)} />
      </main>
    </div>
  );
}

function Page({ route, user, onLogin }: { route: Route; user: User | null | undefined; onLogin: (u: User) => void }) {
  if (route.name === 'login') return <Login next={route.next} onLogin={onLogin} />;
  if (user === undefined) return <p>{t('loading')}</p>;
  if (user === null) return <Login next={null} onLogin={onLogin} />;
  switch (route.name) {
    case 'evaluations': return <Evaluations />;
    case 'evaluation': return <EvaluationPage id={route.id} user={user} />;
    case 'sheet': return <SheetPage id={route.id} />;
    case 'framework': return <FrameworkPage id={route.id} />;
    case 'survey': return <SurveyPage id={route.id} />;
    case 'distribute': return <Distribute id={route.id} />;
    case 'poster': return <PosterPage id={route.id} source={route.source} />;
    case 'tokenSheet': return <TokenSheet id={route.id} />;
    case 'entry': return <EntryPage id={route.id} user={user} />;
    case 'import': return <ImportPage id={route.id} />;
    case 'results': return <ResultsPage id={route.id} />;
    case 'users': return <Users self={user} />;
    case 'notFound': return <h1 tabIndex={-1}>{t('notFound')}</h1>;
  }
}
