// The evaluator app in the browser: rendered into the server's shell (server/routes/app-shell.ts).
import { render } from 'preact';
import { App } from './App.tsx';
import { lang, setLang } from './i18n.ts';
import '../respondent/style.css';
import './app.css';

setLang(lang());
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
