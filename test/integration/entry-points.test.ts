// Posters and kiosks (issue 4's distribution, on the respondent side): `?src=` records which hall
// a response came from; `?kiosk=KEY` lets one tablet take many responses and clears itself.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { findSurveyBySlug } from '../../server/db/surveys.ts';
import { addSource, setKioskKey } from '../../server/db/sources.ts';

const URL = '/api/public/surveys/demo/responses';
let t: TestApp;

beforeEach(async () => {
  t = await testApp();
  const survey = (await findSurveyBySlug(t.db, 'demo'))!;
  const now = new Date().toISOString();
  await addSource(t.db, { survey_id: survey.id, code: 'hall-1', label: '政务服务大厅一楼', kiosk_key: null, created_at: now });
  await addSource(t.db, { survey_id: survey.id, code: 'hall-2', label: '二楼', kiosk_key: null, created_at: now });
  await setKioskKey(t.db, survey.id, 'hall-2', 'KioskKey_0123456789');
});
afterEach(async () => {
  await t.close();
});

const rows = () => t.db.selectFrom('responses').select(['channel', 'source']).orderBy('seq').execute();
const cookiesOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(/,(?=\s*mny_)/).map((c) => c.split(';')[0]!.trim()).filter(Boolean).join('; ');

describe('posters (?src=)', () => {
  it('records the poster with the response, through the page and the JSON submission', async () => {
    const page = await t.app.request('/s/demo?c=qr&src=hall-1');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="src" value="hall-1"');
    expect((await postJson(t.app, URL, { id: randomUUID(), channel: 'qr', source: 'hall-1', answers: satisfiedAnswers() })).status).toBe(201);
    expect(await rows()).toEqual([{ channel: 'qr', source: 'hall-1' }]);
  });

  it('ignores a poster the survey does not have, on the page and in a submission', async () => {
    const page = await (await t.app.request('/s/demo?src=typed-by-hand')).text();
    expect(page).not.toContain('name="src"');
    // An unknown source is recorded as no source rather than refused: a mistyped URL still counts.
    const res = await postJson(t.app, URL, { id: randomUUID(), source: 'nowhere', answers: satisfiedAnswers() });
    expect(res.status).toBe(201);
    expect(await rows()).toEqual([{ channel: 'link', source: null }]);
  });
});

describe('kiosks (?kiosk=)', () => {
  it('takes one response after another from the same browser, recorded as kiosk with its hall', async () => {
    const page = await t.app.request('/s/demo?kiosk=KioskKey_0123456789');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="kiosk" value="KioskKey_0123456789"');
    const first = await postJson(t.app, URL, { id: randomUUID(), kiosk: 'KioskKey_0123456789', answers: satisfiedAnswers() });
    expect(first.status).toBe(201);
    expect(first.headers.get('set-cookie') ?? '').not.toContain('mny_done_');
    // The same browser, carrying whatever cookies it has, answers again: the next person.
    const second = await postJson(t.app, URL, { id: randomUUID(), kiosk: 'KioskKey_0123456789', answers: satisfiedAnswers({ q3: 3 }) }, { cookie: cookiesOf(page) });
    expect(second.status).toBe(201);
    expect(await rows()).toEqual([{ channel: 'kiosk', source: 'hall-2' }, { channel: 'kiosk', source: 'hall-2' }]);
  });

  it('goes from the plain form to a thank-you page that leads to the next questionnaire', async () => {
    const form = new URLSearchParams({ id: randomUUID(), kiosk: 'KioskKey_0123456789', lang: 'zh' });
    for (const [k, v] of Object.entries(satisfiedAnswers())) form.set(k, String(v));
    const res = await t.app.request('/s/demo', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/s/demo/thanks?kiosk=KioskKey_0123456789');
    const thanks = await (await t.app.request(res.headers.get('location')!)).text();
    expect(thanks).toMatch(/<meta http-equiv="refresh" content="\d+;url=\/s\/demo\?kiosk=KioskKey_0123456789"/);
    expect(thanks).toContain('href="/s/demo?kiosk=KioskKey_0123456789"');
    expect(await rows()).toEqual([{ channel: 'kiosk', source: 'hall-2' }]);
  });

  it('refuses a key that is not (or no longer) the kiosk\'s', async () => {
    expect((await t.app.request('/s/demo?kiosk=wrong-key')).status).toBe(404);
    const res = await postJson(t.app, URL, { id: randomUUID(), kiosk: 'wrong-key', answers: satisfiedAnswers() });
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues).toContainEqual(expect.objectContaining({ field: 'kiosk' }));
    const survey = (await findSurveyBySlug(t.db, 'demo'))!;
    await setKioskKey(t.db, survey.id, 'hall-2', 'ANewKeyAfterTheTabletWasLost');
    expect((await t.app.request('/s/demo?kiosk=KioskKey_0123456789')).status).toBe(404);
    expect(await rows()).toEqual([]);
  });
});
