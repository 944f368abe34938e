// The evaluator app in the browser: rendered into the server's shell (server/routes/app-shell.ts).
import { render } from 'preact';
import { config } from 'zod';
import { App } from './App.tsx';
import { lang, setLang } from './i18n.ts';
import '../respondent/style.css';
import './app.css';

// zod compiles object parsers with new Function unless told not to, and probes for it first: the
// page's Content-Security-Policy (no 'unsafe-eval') refuses the probe and logs a violation.
config({ jitless: true });
setLang(lang());
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
