// Path-based routes under /app/ (the server answers every /app/* path with the same shell).
// parseRoute is pure; navigate() changes the address and tells the app to render again.

export type Route =
  | { name: 'login'; next: string | null }
  | { name: 'evaluations' }
  | { name: 'evaluation'; id: string }
  | { name: 'sheet'; id: string }
  | { name: 'framework'; id: string }
  | { name: 'survey'; id: string }
  | { name: 'distribute'; id: string }
  | { name: 'poster'; id: string; source: string | null }
  | { name: 'tokenSheet'; id: string }
  | { name: 'entry'; id: string }
  | { name: 'import'; id: string }
  | { name: 'results'; id: string }
  | { name: 'users' }
  | { name: 'notFound' };

const surveyPages = { '': 'survey', distribute: 'distribute', entry: 'entry', import: 'import', results: 'results', poster: 'poster', tokens: 'tokenSheet' } as const;

export function parseRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const parts = pathname.replace(/^\/app\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, page = '', ...rest] = parts;
  if (first === undefined) return { name: 'evaluations' };
  if (first === 'login' && id === undefined) {
    const next = query.get('next');
    // Only a path of this app: never an address elsewhere (an open redirect).
    return { name: 'login', next: next && /^\/app\/[^/]/.test(next) && !next.startsWith('//') ? next : null };
  }
  if (first === 'admin' && id === 'users' && parts.length === 2) return { name: 'users' };
  if (first === 'evaluations' && id && parts.length === 2) return { name: 'evaluation', id };
  if (first === 'evaluations' && id && page === 'sheet' && parts.length === 3) return { name: 'sheet', id };
  if (first === 'evaluations' && id && page === 'framework' && parts.length === 3) return { name: 'framework', id };
  if (first === 'surveys' && id && rest.length === 0 && Object.hasOwn(surveyPages, page)) {
    const name = surveyPages[page as keyof typeof surveyPages];
    if (name === 'poster') return { name, id, source: query.get('source') };
    return { name, id };
  }
  return { name: 'notFound' };
}

export function routePath(route: Route): string {
  const s = (id: string) => `/app/surveys/${encodeURIComponent(id)}`;
  switch (route.name) {
    case 'login': return route.next ? `/app/login?next=${encodeURIComponent(route.next)}` : '/app/login';
    case 'evaluations': return '/app/';
    case 'evaluation': return `/app/evaluations/${encodeURIComponent(route.id)}`;
    case 'sheet': return `/app/evaluations/${encodeURIComponent(route.id)}/sheet`;
    case 'framework': return `/app/evaluations/${encodeURIComponent(route.id)}/framework`;
    case 'survey': return s(route.id);
    case 'distribute': return `${s(route.id)}/distribute`;
    case 'poster': return `${s(route.id)}/poster${route.source ? `?source=${encodeURIComponent(route.source)}` : ''}`;
    case 'tokenSheet': return `${s(route.id)}/tokens`;
    case 'entry': return `${s(route.id)}/entry`;
    case 'import': return `${s(route.id)}/import`;
    case 'results': return `${s(route.id)}/results`;
    case 'users': return '/app/admin/users';
    case 'notFound': return '/app/';
  }
}

const listeners = new Set<() => void>();

export function onNavigate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const l of listeners) l();
}

export function currentRoute(): Route {
  return parseRoute(location.pathname, location.search);
}
