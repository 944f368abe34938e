// A survey with many responses, written straight into an SQLite file in large transactions (the
// request path would take an hour for a million); the hash chain is built in the same loop with
// the server's own chain function, so the export reads a chain that checks.
// Every response comes from one network (a service hall's Wi-Fi), one a second, and the answers
// repeat every 60: each ten minutes holds 600 responses of that network, each answer set ten
// times, so every row's burst is decided among 600 (far busier than a hall) and found. Every 20th
// response comes from the device before it, so duplicate_device is searched for and found too.
import SQLite from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../server/db/connect.ts';
import { createSurvey } from '../../server/db/surveys.ts';
import { genesisHash, responseHash } from '../../server/responses/chain.ts';
import { templates } from '../../surveys/templates/index.ts';

const likert = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'overall'];
const channels = ['link', 'qr', 'token', 'interview', 'paper'];

function answersOf(i: number): string {
  const answers: Record<string, unknown> = { contact: 'yes', identity: 'employee', town: 'caomiaozi' };
  // A spread of levels (q1's scale has no 不了解, the others have 0).
  likert.forEach((q, k) => (answers[q] = q === 'q1' ? 1 + ((i + k) % 5) : (i * 7 + k) % 6));
  if (i % 10 === 0) answers.suggestion = i % 20 === 0 ? '=HYPERLINK("http://evil.example","点我")' : '建议多开展政策宣讲，尤其是"高企认定"';
  return JSON.stringify(answers);
}

/** Creates the schema and a survey in a new SQLite file and fills it with `rows` responses. */
export async function fillSurvey(path: string, rows: number): Promise<string> {
  const opened = await openDatabase(path);
  const survey = await createSurvey(opened.db, { slug: `bench-${rows}`, definition: { ...templates.public, slug: `bench-${rows}` }, status: 'open', now: new Date().toISOString() });
  await opened.close();

  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    `INSERT INTO responses (id, survey_id, seq, definition_version, channel, respondent_group, token, device, network, source, started_at, submitted_at, answers, prev_hash, hash)
     VALUES (@id, @survey_id, @seq, @definition_version, @channel, @respondent_group, @token, @device, @network, @source, @started_at, @submitted_at, @answers, @prev_hash, @hash)`,
  );
  let prev = genesisHash(survey.id);
  const start = Date.parse('2023-11-01T00:00:00Z');
  const batch = db.transaction((from: number, to: number) => {
    for (let seq = from; seq <= to; seq++) {
      const fields = {
        id: randomUUID(), survey_id: survey.id, seq, definition_version: 1, channel: channels[seq % channels.length]!, respondent_group: 'public',
        token: null, device: `device-${seq % 20 === 0 ? seq - 1 : seq}`, network: 'hall-wifi', source: null, started_at: null,
        submitted_at: new Date(start + seq * 1000).toISOString(), answers: answersOf(seq), prev_hash: prev,
      };
      const hash = responseHash(fields);
      insert.run({ ...fields, hash });
      prev = hash;
    }
  });
  for (let from = 1; from <= rows; from += 50_000) batch(from, Math.min(rows, from + 49_999));
  db.prepare('UPDATE chain_heads SET seq = ?, hash = ? WHERE survey_id = ?').run(rows, prev, survey.id);
  db.close();
  return survey.id;
}
