// The live questionnaire's state and effects: answers with their draft, the response id, the
// submission with its retries, and where focus goes. Event handlers and effects only, so the
// same component tree renders on the server (where effects never run).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnswerIssue, AnswerValue, Answers } from '../../surveys/index.ts';
import type { PageData } from './data.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft.ts';
import { inPageOrder, missingRequired, submittedAnswers } from './form-state.ts';
import { responsesUrl, sendResponse } from './submit.ts';

export type Phase =
  | { kind: 'form' }
  | { kind: 'sending' }
  | { kind: 'retrying' }
  | { kind: 'failed' }
  | { kind: 'done' }
  | { kind: 'notice'; status: number };

/** Refusals that end the questionnaire: no such survey, answered already, closed. */
const final = new Set([404, 409, 410]);

export function useRespondent(data: PageData) {
  const { definition, slug, token } = data;
  const key = draftKey(slug, token);
  const [answers, setAnswers] = useState<Answers>(data.values);
  const [issues, setIssues] = useState<AnswerIssue[]>(data.issues);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [ids, setIds] = useState({ id: data.responseId, startedAt: data.startedAt });
  // Refs for what handlers must see at once, not at the next render: a second tap during a
  // send, two changes in one tick.
  const answersRef = useRef(answers);
  const idsRef = useRef(ids);
  const busy = useRef(false);
  const focusPending = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.documentElement.classList.add('js');
    // A re-rendered form post carries the server's view of the answers; it wins over a draft.
    if (Object.keys(data.values).length > 0) return;
    const draft = loadDraft(key);
    if (!draft) return;
    idsRef.current = { id: draft.id, startedAt: draft.startedAt };
    answersRef.current = draft.answers;
    setIds(idsRef.current);
    setAnswers(draft.answers);
  }, []);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const first = issues[0];
    const box = first && document.getElementById(`q-${first.question}`);
    const control = box?.querySelector<HTMLElement>('input,textarea');
    if (box && control) {
      // The question's own text first, below the sticky bar (the page's scroll-padding): focus
      // alone scrolls only as far as the first option, leaving the question under the bar.
      box.scrollIntoView({ block: 'start' });
      control.focus({ preventScroll: true });
    } else summaryRef.current?.focus();
  }, [issues]);

  const showIssues = (list: AnswerIssue[]) => {
    focusPending.current = true;
    setIssues(inPageOrder(definition, list));
  };

  const change = (id: string, value: AnswerValue | undefined) => {
    if (busy.current) return;
    const next = { ...answersRef.current };
    if (value === undefined) delete next[id];
    else next[id] = value;
    answersRef.current = next;
    setAnswers(next);
    saveDraft(key, { ...idsRef.current, answers: next });
    setIssues((list) => (list.some((i) => i.question === id) ? list.filter((i) => i.question !== id) : list));
  };

  const submit = async (event: Event) => {
    // With JavaScript the form never navigates; without it, it posts to the server as a plain form.
    event.preventDefault();
    if (busy.current) return;
    const current = answersRef.current;
    const missing = missingRequired(definition, current);
    if (missing.length > 0) return showIssues(missing);
    busy.current = true;
    setIssues([]);
    setPhase({ kind: 'sending' });
    saveDraft(key, { ...idsRef.current, answers: current });
    const body = JSON.stringify({
      id: idsRef.current.id,
      answers: submittedAnswers(definition, current),
      token,
      startedAt: idsRef.current.startedAt,
      // An invitation or a kiosk is its own channel, which the server derives from the token or
      // key; only a link's channel (a poster's QR code or not) is the page's to say.
      channel: data.channel === 'link' || data.channel === 'qr' ? data.channel : undefined,
      source: data.source,
      kiosk: data.kiosk,
    });
    const outcome = await sendResponse({ url: responsesUrl(slug), body, onRetry: () => setPhase({ kind: 'retrying' }) });
    busy.current = false;
    if (outcome.kind === 'stored') {
      clearDraft(key);
      setPhase({ kind: 'done' });
    } else if (outcome.kind === 'invalid') {
      setPhase({ kind: 'form' });
      showIssues(outcome.issues);
    } else if (final.has(outcome.status)) {
      clearDraft(key);
      setPhase({ kind: 'notice', status: outcome.status });
    } else {
      setPhase({ kind: 'failed' });
    }
  };

  const sending = phase.kind === 'sending' || phase.kind === 'retrying';
  return { answers, issues, phase, ids, sending, summaryRef, change, submit };
}
