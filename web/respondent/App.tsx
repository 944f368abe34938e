import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import type { PageData } from './data.ts';
import { answerOf, formView, progress } from './form-state.ts';
import { conditionHint, screenerHint } from './hints.ts';
// Straight from the file, not the index: the index brings zod into the page's bundle.
import { mainQuestionNumbers } from '../../surveys/numbering.ts';
import { Question } from './Question.tsx';
import { ErrorSummary } from './Summary.tsx';
import { format, issueMessage, textLang } from './text.ts';
import { useRespondent } from './useRespondent.ts';
import { LangSwitch, NoticeView, ThanksView } from './Views.tsx';
import { kioskUrl, useKioskRestart } from './kiosk.ts';

/**
 * The questionnaire: the same tree is rendered to HTML by the server (a plain form that posts
 * without JavaScript) and hydrated in the browser (live visibility, drafts, fetch submission).
 */
export function App({ data }: { data: PageData }) {
  const { definition, slug, lang, text: t } = data;
  const s = useRespondent(data);
  const numbers = useMemo(() => mainQuestionNumbers(definition), [definition]);
  const questionIds = useMemo(() => new Set(definition.questions.map((q) => q.id)), [definition]);
  const surveyLang = textLang(definition, t);
  const langSwitch = <LangSwitch lang={lang} t={t} query={{ t: data.token, c: data.channel, src: data.source, kiosk: data.kiosk }} />;
  const next = data.kiosk !== undefined ? kioskUrl(slug, data.kiosk, lang) : undefined;
  useKioskRestart(s.phase.kind === 'done' ? next : undefined);

  if (s.phase.kind === 'done' || s.phase.kind === 'notice') {
    // After a submission the questionnaire's own address answers "already answered": the other
    // language of a thank-you is the thank-you page.
    const switchTo = s.phase.kind === 'done'
      ? <LangSwitch lang={lang} t={t} query={{ kiosk: data.kiosk }} path={`/s/${encodeURIComponent(slug)}/thanks`} />
      : langSwitch;
    return (
      <div class="mny">
        <header class="mny-bar">{switchTo}</header>
        {s.phase.kind === 'done'
          ? <ThanksView t={t} title={definition.title} next={next} />
          : <NoticeView t={t} status={s.phase.status} title={definition.title} />}
      </div>
    );
  }

  const view = formView(definition, s.answers);
  const counts = progress(definition, s.answers);
  const progressText = format(t.progress, counts);
  // A problem with a question that is no longer on screen (a later answer hid it) is no longer
  // the respondent's to fix; what is not about one question always stays.
  const issues = s.issues.filter((issue) => view.shown.has(issue.question) || !questionIds.has(issue.question));
  const errors = new Map(issues.map((issue) => [issue.question, issueMessage(t, issue)]));
  const status = s.phase.kind === 'retrying' ? t.retrying : s.phase.kind === 'failed' ? t.failed : '';

  return (
    <div class="mny">
      <header class="mny-bar">
        <span class="mny-prog">
          <progress max={counts.total} value={counts.done} aria-label={progressText} />
          <span aria-hidden="true">{progressText}</span>
        </span>
        {langSwitch}
      </header>
      <main class="mny-main">
        <h1 lang={surveyLang}>{definition.title}</h1>
        {definition.intro && <p class="mny-intro" lang={surveyLang}>{definition.intro}</p>}
        {issues.length > 0 && (
          <ErrorSummary definition={definition} issues={issues} numbers={numbers} t={t} boxRef={s.summaryRef} />
        )}
        <form method="post" action={`/s/${encodeURIComponent(slug)}`} onSubmit={s.submit}>
          <input type="hidden" name="id" value={s.ids.id} />
          {data.token && <input type="hidden" name="t" value={data.token} />}
          <input type="hidden" name="startedAt" value={s.ids.startedAt} />
          {data.channel && <input type="hidden" name="c" value={data.channel} />}
          {data.source && <input type="hidden" name="src" value={data.source} />}
          {data.kiosk && <input type="hidden" name="kiosk" value={data.kiosk} />}
          <input type="hidden" name="lang" value={lang} />
          {definition.questions.map((question) => (
            <Fragment key={question.id}>
              <Question
                definition={definition}
                question={question}
                t={t}
                number={numbers.get(question.id)}
                value={answerOf(s.answers, question.id)}
                hidden={!view.shown.has(question.id)}
                hint={conditionHint(definition, question, numbers, t) ?? screenerHint(question, t)}
                error={errors.get(question.id)}
                textLang={surveyLang}
                disabled={s.sending}
                onChange={s.change}
              />
              {question.kind === 'single' && question.screener && (
                // Always present and empty until needed: a live region must exist before it speaks.
                <p class="mny-note" role="status">{view.screenedOutAt === question.id ? t.screenedOut : ''}</p>
              )}
            </Fragment>
          ))}
          <div class="mny-foot">
            <p class="mny-status" role="status">{status}</p>
            <button type="submit" class="mny-btn" disabled={s.sending}>
              {s.sending ? t.sending : t.submit}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
