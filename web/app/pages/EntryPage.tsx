import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnswerIssueCode, AnswerValue, Answers } from '../../../surveys/index.ts';
import { answerOf, missingRequired, submittedAnswers } from '../../respondent/form-state.ts';
import { mainQuestionNumbers } from '../../../surveys/numbering.ts';
import { strings } from '../../respondent/i18n.ts';
import { issueMessage } from '../../respondent/text.ts';
import { api, ApiFailure } from '../lib/api.ts';
import { newUuid } from '../lib/uuid.ts';
import type { SurveyDetail, User } from '../lib/types.ts';
import { lang, t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { SurveySubpage } from '../components/SurveySubpage.tsx';
import { EntryQuestion } from '../entry/EntryQuestion.tsx';
import { EntrySummary } from '../entry/EntrySummary.tsx';
import { entryKey, nextQuestion, shownQuestions } from '../entry/keys.ts';
import { entryChannels, loadSettings, saveSettings, type EntrySettings } from '../entry/settings.ts';

export function EntryPage({ id, user }: { id: string; user: User }) {
  return (
    <SurveySubpage id={id} title={t('entryTitle')}>
      {(d) => (d.survey.status === 'open' ? <EntryForm detail={d} user={user} /> : <p class="warn">{t('entryNotOpen')}</p>)}
    </SurveySubpage>
  );
}

/**
 * Questionnaires typed in from interviews, calls and paper, by keyboard alone. Each has its own
 * UUID, made when the form is cleared and kept until the server has it, so a retry after a lost
 * answer stores it once.
 */
function EntryForm({ detail, user }: { detail: SurveyDetail; user: User }) {
  const { definition } = detail;
  const surveyId = detail.survey.id;
  const [settings, setSettings] = useState<EntrySettings>(() => loadSettings(surveyId, user.username));
  const [answers, setAnswers] = useState<Answers>({});
  const [current, setCurrent] = useState<string | null>(definition.questions[0]?.id ?? null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<unknown>(null);
  const [count, setCount] = useState(0);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = useRef({ id: newUuid(), startedAt: new Date().toISOString() });
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const numbers = useMemo(() => mainQuestionNumbers(definition), [definition]);
  const rt = strings(lang() === 'en' ? 'en' : 'zh');
  const questions = shownQuestions(definition, answers);
  // Focus follows `current` after each render that changed it.
  const focusNext = useRef<string | null | undefined>(undefined);

  useEffect(() => saveSettings(surveyId, settings), [settings]);

  // Ready to type at once: the first question has the focus when the form appears.
  useEffect(() => focusOn(definition.questions[0]?.id ?? null), []);

  const focusOn = (target: string | null) => {
    if (target === null) {
      summaryRef.current?.focus({ preventScroll: true });
      // The whole summary in view, not only its heading at the bottom edge.
      return summaryRef.current?.parentElement?.scrollIntoView({ block: 'nearest' });
    }
    const box = document.getElementById(`eq-${target}`);
    const control = box?.querySelector<HTMLElement>('input:checked') ?? box?.querySelector<HTMLElement>('input,textarea');
    control?.focus();
  };

  useEffect(() => {
    const target = focusNext.current;
    if (target === undefined) return;
    focusNext.current = undefined;
    focusOn(target);
  });

  const go = (target: string | null) => {
    focusNext.current = target;
    setCurrent(target);
  };

  const change = (qid: string, value: AnswerValue | undefined) => {
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined) delete next[qid];
      else next[qid] = value;
      return next;
    });
    setErrors((e) => {
      if (!e.has(qid)) return e;
      const next = new Map(e);
      next.delete(qid);
      return next;
    });
  };

  const showIssues = (list: { question: string; message: string }[]) => {
    setErrors(new Map(list.map((i) => [i.question, i.message])));
    const first = definition.questions.find((q) => list.some((i) => i.question === q.id));
    if (first) go(first.id);
  };

  const save = async () => {
    if (busy) return;
    setNotice('');
    setFailure(null);
    const missing = missingRequired(definition, answers);
    if (missing.length > 0) {
      showIssues(missing.map((i) => ({ question: i.question, message: issueMessage(rt, i) })));
      setNotice(t('entryRequired', { list: missing.map((i) => numbers.get(i.question) ?? i.question).join('、') }));
      return;
    }
    setBusy(true);
    try {
      await api(`/api/surveys/${encodeURIComponent(surveyId)}/responses`, {
        json: { id: ids.current.id, channel: settings.channel, interviewer: settings.interviewer.trim() || undefined, answers: submittedAnswers(definition, answers), startedAt: ids.current.startedAt },
      });
      const n = count + 1;
      setCount(n);
      setAnswers({});
      setErrors(new Map());
      ids.current = { id: newUuid(), startedAt: new Date().toISOString() };
      setNotice(t('entrySaved', { n }));
      go(definition.questions[0]?.id ?? null);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 422 && err.issues.some((i) => i.question)) {
        showIssues(err.issues.filter((i) => i.question).map((i) => ({ question: i.question!, message: issueMessage(rt, { question: i.question!, code: (i.code ?? 'invalid_value') as AnswerIssueCode, message: i.message }) })));
        setNotice(t('entryInvalid', { n: err.issues.length }));
      } else {
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const question = current === null ? null : (definition.questions.find((q) => q.id === current) ?? null);
    const action = entryKey(definition, question, current === null ? undefined : answerOf(answers, current), e);
    if (action.kind === 'none') return;
    // Typing in the interviewer box is not answering; only Ctrl+Enter acts there.
    if ((e.target as HTMLElement).closest('.entry-setup') && action.kind !== 'save') return;
    e.preventDefault();
    if (action.kind === 'save') void save();
    else if (action.kind === 'next') go(current === null ? null : nextQuestion(definition, answers, current));
    else if (current !== null) change(current, action.value);
  };

  const onFocusIn = (e: FocusEvent) => {
    const box = (e.target as HTMLElement).closest<HTMLElement>('[data-question]');
    if (box) setCurrent(box.dataset.question ?? null);
    else if ((e.target as HTMLElement).closest('.summary')) setCurrent(null);
  };

  return (
    <form class="entry" onSubmit={(e) => e.preventDefault()} onKeyDown={onKeyDown} onFocusIn={onFocusIn}>
      <fieldset class="entry-setup card">
        <legend>{t('entrySetup')}</legend>
        <fieldset class="inline">
          <legend>{t('entryChannel')}</legend>
          {entryChannels.map((c) => (
            <label class="choice" key={c}>
              <input type="radio" name="entry-channel" value={c} checked={settings.channel === c} onChange={() => setSettings({ ...settings, channel: c })} />
              {t(`channel_${c}`)}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="interviewer">{t('interviewer')}</label>
          <input id="interviewer" value={settings.interviewer} maxLength={50} onInput={(e) => setSettings({ ...settings, interviewer: e.currentTarget.value })} />
        </div>
      </fieldset>
      <p class="help">{t('entryHelp')}</p>
      <p class="count" role="status" aria-live="polite">
        <strong>{t('entryCount', { n: count })}</strong> {notice}
      </p>
      <ErrorBox error={failure} />
      <div class="entry-questions">
        {questions.map((q) => (
          <EntryQuestion
            key={q.id}
            definition={definition}
            question={q}
            number={numbers.get(q.id)}
            value={answerOf(answers, q.id)}
            error={errors.get(q.id)}
            current={current === q.id}
            onChange={change}
          />
        ))}
      </div>
      <EntrySummary definition={definition} questions={questions} answers={answers} headingRef={summaryRef} busy={busy} onSave={save} />
    </form>
  );
}
