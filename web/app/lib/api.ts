// The one way the app talks to the server: JSON in and out with the session cookie (same origin,
// so the browser sends Origin, which the server checks on unsafe methods), the error shape of
// DESIGN §6 turned into an ApiFailure, and a 401 anywhere but the login sending the user there.

export interface ApiIssue {
  field?: string;
  question?: string;
  path?: string;
  code?: string;
  message: string;
  params?: Record<string, string | number>;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    /** Seconds from a Retry-After header (429), when given. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => {};

/** Set once by the app: what to do when the session has ended (go to the login page). */
export function setUnauthorizedHandler(handler: Unauthorized): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (file uploads). */
  form?: FormData;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { method: opts.method ?? (opts.json !== undefined || opts.form ? 'POST' : 'GET'), credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (opts.json !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(opts.json);
  } else if (opts.form) {
    init.body = opts.form;
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiFailure(0, 'network', 'network error');
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const failure = await failureOf(response);
  if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthorized();
  throw failure;
}

export async function failureOf(response: Response): Promise<ApiFailure> {
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; issues?: unknown } };
    const e = body.error ?? {};
    const issues = Array.isArray(e.issues) ? (e.issues as ApiIssue[]).filter((i) => i && typeof i.message === 'string') : [];
    return new ApiFailure(response.status, String(e.code ?? 'error'), String(e.message ?? response.statusText), issues, retryAfter);
  } catch {
    return new ApiFailure(response.status, 'error', response.statusText || `HTTP ${response.status}`, [], retryAfter);
  }
}
