// The results of a survey kept current without a reload: the server's event stream says when the
// figures changed (event `results`), and the page fetches them again; while the stream is down
// (a proxy that buffers it, a reconnect) the page polls, and the ETag makes a poll that finds
// nothing new a 304 with no body.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, failureOf } from '../lib/api.ts';
import { filterQuery, type Filter, type ResultsView } from './types.ts';

export const pollSeconds = 5;

export type LiveMode = 'connecting' | 'live' | 'polling';

export interface LiveResults {
  data: ResultsView | undefined;
  error: unknown;
  mode: LiveMode;
  updatedAt: Date | null;
  /** The ETag of the figures shown: it changes when they do, so lists beside them can follow. */
  version: string;
  /** Fetch now (after an exclusion, so the rates move at once rather than at the next event). */
  refresh: () => void;
}

export function useLiveResults(surveyId: string, filter: Filter): LiveResults {
  const [data, setData] = useState<ResultsView | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<LiveMode>('connecting');
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [version, setVersion] = useState('');
  const refreshRef = useRef<() => void>(() => {});
  const query = filterQuery(filter);

  useEffect(() => {
    let live = true;
    let etag: string | null = null;
    let running: Promise<void> | null = null;
    let again = false;
    const url = `/api/surveys/${encodeURIComponent(surveyId)}/results${query}`;

    const once = async () => {
      try {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (etag) headers['if-none-match'] = etag;
        // no-store: the browser's cache must not answer for the server; the 304 is ours to see.
        const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store', headers });
        if (!live) return;
        if (res.status !== 304) {
          if (!res.ok) throw await failureOf(res);
          const body = (await res.json()) as ResultsView;
          if (!live) return;
          etag = res.headers.get('etag');
          setData(body);
          setVersion(`${etag ?? ''}${query}`);
        }
        setError(null);
        setUpdatedAt(new Date());
      } catch (e) {
        if (live) setError(e instanceof ApiFailure ? e : new ApiFailure(0, 'network', 'network error'));
      }
    };
    // One request at a time; a change announced meanwhile is fetched once the current one ends.
    const fetchNow = () => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await once();
        } while (again && live);
      })().finally(() => {
        running = null;
      });
    };
    refreshRef.current = () => {
      etag = null;
      fetchNow();
    };

    let timer: ReturnType<typeof setInterval> | null = null;
    const poll = (on: boolean) => {
      if (on && !timer) timer = setInterval(fetchNow, pollSeconds * 1000);
      if (!on && timer) {
        clearInterval(timer);
        timer = null;
      }
      setMode(on ? 'polling' : 'live');
    };

    fetchNow();
    let events: EventSource | null = null;
    if (typeof EventSource === 'function') {
      events = new EventSource(`/api/surveys/${encodeURIComponent(surveyId)}/results/events`);
      events.addEventListener('open', () => poll(false));
      events.addEventListener('results', () => fetchNow());
      // EventSource reconnects by itself; until it does (or for good, if it was refused), poll.
      events.addEventListener('error', () => poll(true));
    } else {
      poll(true);
    }
    return () => {
      live = false;
      events?.close();
      if (timer) clearInterval(timer);
    };
  }, [surveyId, query]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { data, error, mode, updatedAt, version, refresh };
}
