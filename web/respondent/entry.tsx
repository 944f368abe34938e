// The browser side of the questionnaire: hydrate the server's HTML with the data it embedded.
import { hydrate } from 'preact';
import { App } from './App.tsx';
import { dataElementId, type PageData } from './data.ts';
import './style.css';

const dataElement = document.getElementById(dataElementId);
const root = document.getElementById('mny-app');
// Pages without data (thank-you, notices) are complete as HTML; there is nothing to hydrate.
if (dataElement?.textContent && root) {
  const data = JSON.parse(dataElement.textContent) as PageData;
  hydrate(<App data={data} />, root);
}
