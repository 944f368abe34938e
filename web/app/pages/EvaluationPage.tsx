import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { Evaluation, Member, SurveySummary, User } from '../lib/types.ts';
import { t, tOr } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { NewSurvey } from './NewSurvey.tsx';
import { Members } from './Members.tsx';
import { st } from '../sheet/text.ts';
import { ft } from '../framework/text.ts';

interface Detail {
  evaluation: Evaluation;
  surveys: SurveySummary[];
  members: Member[];
}

/** One evaluation: its surveys (and a form for a new one) and its members. */
export function EvaluationPage({ id, user }: { id: string; user: User }) {
  const detail = useLoad(() => api<Detail>(`/api/evaluations/${encodeURIComponent(id)}`), id);
  const d = detail.data;
  return (
    <section>
      <p class="crumbs"><Link href="/app/">{t('navEvaluations')}</Link></p>
      <h1 tabIndex={-1}>{d ? d.evaluation.name : t('loading')}</h1>
      <ErrorBox error={detail.error} />
      {d && (
        <>
          <p class="meta">{t('evaluationUnit')}：{d.evaluation.unit} · {t('evaluationYear')}：{d.evaluation.year}</p>
          <p><Link href={`/app/evaluations/${encodeURIComponent(d.evaluation.id)}/sheet`}>{st('title')}</Link> · <Link href={`/app/evaluations/${encodeURIComponent(d.evaluation.id)}/framework`}>{ft('title')}</Link></p>
          <h2>{t('surveysTitle')}</h2>
          {d.surveys.length === 0 ? <p>{t('noSurveys')}</p> : (
            <table class="list">
              <thead>
                <tr><th scope="col">{t('surveysTitle')}</th><th scope="col">{t('status')}</th><th scope="col">{t('responses')}</th></tr>
              </thead>
              <tbody>
                {d.surveys.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/app/surveys/${encodeURIComponent(s.id)}`}>{s.title || s.slug}</Link>
                      <span class="sub">{tOr(`group_${s.group}`, s.group)} · {s.slug}</span>
                    </td>
                    <td><StatusBadge status={s.status} /></td>
                    <td class="num">{s.responses}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <NewSurvey evaluationId={d.evaluation.id} />
          <Members evaluationId={d.evaluation.id} members={d.members} admin={user.role === 'admin'} onChange={detail.reload} />
        </>
      )}
    </section>
  );
}
