import { rt, rtOr } from './text.ts';
import type { ResultsView } from './types.ts';
import { pct } from './format.ts';
import { PaperIssues } from './PaperIssues.tsx';

/** 回收情况 (DESIGN §3): issued, received, valid, the two rates, why the rest are not valid, and the paper forms issued. */
export function Accounting({ a, surveyId, version, onChanged }: { a: ResultsView['accounting']; surveyId: string; version: string; onChanged: () => void }) {
  const invalid = Object.entries(a.invalid).filter(([, n]) => n > 0);
  return (
    <section class="card" aria-labelledby="acc-h">
      <h2 id="acc-h">{rt('accounting')}</h2>
      <dl class="facts results-figures" id="accounting">
        <div><dt>{rt('issued')}</dt><dd id="acc-issued">{a.issued ?? rt('unknown')}{a.issuedFrom.tokens > 0 && a.issuedFrom.paper > 0 ? rt('issuedParts', { tokens: a.issuedFrom.tokens, paper: a.issuedFrom.paper }) : ''}</dd></div>
        <div><dt>{rt('received')}</dt><dd id="acc-received">{a.received}</dd></div>
        <div><dt>{rt('valid')}</dt><dd id="acc-valid">{a.valid}</dd></div>
        <div><dt>{rt('responseRate')}</dt><dd>{a.responseRate === null ? rt('unknown') : pct(a.responseRate)}</dd></div>
        <div><dt>{rt('validResponseRate')}</dt><dd>{a.validResponseRate === null ? rt('unknown') : pct(a.validResponseRate)}</dd></div>
      </dl>
      {a.issued !== null && a.ofIssued.received !== a.received && (
        <p class="help" id="acc-base">{rt('ratesBase', { n: a.ofIssued.received, valid: a.ofIssued.valid, other: a.received - a.ofIssued.received })}</p>
      )}
      {invalid.length === 0 ? (
        <p class="help">{rt('noInvalid')}</p>
      ) : (
        <table class="list narrow-table" id="invalid">
          <caption>{rt('invalidTitle')}</caption>
          <tbody>
            {invalid.map(([reason, n]) => (
              <tr key={reason}><th scope="row">{rtOr(`invalid_${reason}`, reason)}</th><td class="num">{n}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <PaperIssues surveyId={surveyId} version={version} onChanged={onChanged} />
    </section>
  );
}
