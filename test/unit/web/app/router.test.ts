import { describe, expect, test } from 'vitest';
import { parseRoute, routePath, type Route } from '../../../../web/app/lib/router.ts';
import { _tables } from '../../../../web/app/i18n.ts';
import { shellHtml } from '../../../../server/routes/app-shell.ts';

describe('routes under /app/', () => {
  test('every page parses from its path and back', () => {
    const routes: Route[] = [
      { name: 'evaluations' }, { name: 'evaluation', id: 'e 1' }, { name: 'survey', id: 's1' }, { name: 'distribute', id: 's1' },
      { name: 'poster', id: 's1', source: 'hall-1' }, { name: 'poster', id: 's1', source: null }, { name: 'tokenSheet', id: 's1' },
      { name: 'entry', id: 's1' }, { name: 'import', id: 's1' }, { name: 'users' }, { name: 'login', next: '/app/surveys/s1' },
    ];
    for (const route of routes) {
      const [path, search] = routePath(route).split('?');
      expect(parseRoute(path!, search ? `?${search}` : '')).toEqual(route);
    }
    expect(parseRoute('/app')).toEqual({ name: 'evaluations' });
    expect(parseRoute('/app/surveys/s1/nothing')).toEqual({ name: 'notFound' });
    expect(parseRoute('/app/surveys/s1/entry/x')).toEqual({ name: 'notFound' });
  });

  test('the login page goes back only to a page of this app', () => {
    for (const next of ['https://evil.example/', '//evil.example/app/x', '/api/users', 'javascript:alert(1)', '/app/']) {
      expect(parseRoute('/app/login', `?next=${encodeURIComponent(next)}`), next).toEqual({ name: 'login', next: null });
    }
  });
});

describe('the app strings', () => {
  test('both languages have every string, with the same {slots}', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(_tables.zh) as (keyof typeof _tables.zh)[]) {
      expect(_tables.en[key], key).toBeTruthy();
      expect(slots(_tables.en[key]), key).toEqual(slots(_tables.zh[key]));
    }
  });
});

describe('the HTML shell', () => {
  test('links the bundle without inline script or style, and escapes the URLs', () => {
    const html = shellHtml({ scripts: ['/assets/app-1.js'], styles: ['/assets/app-1.css'] });
    expect(html).toContain('<script type="module" src="/assets/app-1.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/app-1.css">');
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
    expect(html).not.toMatch(/style=|<style/);
    expect(shellHtml({ scripts: ['/a"b.js'], styles: [] })).toContain('src="/a&quot;b.js"');
    expect(shellHtml({ scripts: [], styles: [] })).toContain('npm run build');
  });
});
