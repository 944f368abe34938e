import { describe, expect, test } from 'vitest';
import { assetsFromManifest } from '../../../web/assets.ts';

describe('assetsFromManifest', () => {
  test('the entry script and its stylesheet as site-root URLs', () => {
    const manifest = {
      'web/respondent/entry.tsx': {
        file: 'assets/entry-ygchtlEw.js', name: 'entry', src: 'web/respondent/entry.tsx', isEntry: true,
        css: ['assets/entry-Cn7Oy6NQ.css'],
      },
    };
    expect(assetsFromManifest(manifest)).toEqual({
      scripts: ['/assets/entry-ygchtlEw.js'],
      styles: ['/assets/entry-Cn7Oy6NQ.css'],
    });
  });

  test('stylesheets of imported chunks too, each once, imports first', () => {
    const manifest = {
      'web/dash/entry.tsx': { file: 'assets/dash-1.js', isEntry: true, imports: ['_shared-2.js', '_other-3.js'], css: ['assets/dash-1.css'] },
      '_shared-2.js': { file: 'assets/shared-2.js', css: ['assets/shared-2.css'], imports: ['_other-3.js'] },
      '_other-3.js': { file: 'assets/other-3.js', css: ['assets/shared-2.css'] },
    };
    expect(assetsFromManifest(manifest, 'web/dash/entry.tsx')).toEqual({
      scripts: ['/assets/dash-1.js'],
      styles: ['/assets/shared-2.css', '/assets/dash-1.css'],
    });
  });

  test('a manifest without the entry is an error that says what to do', () => {
    expect(() => assetsFromManifest({})).toThrow(/no entry "web\/respondent\/entry.tsx": run npm run build/);
    expect(() => assetsFromManifest({ 'web/respondent/entry.tsx': { css: [] } })).toThrow(/no entry/);
    // Inherited keys are not entries.
    expect(() => assetsFromManifest({}, 'toString')).toThrow(/no entry/);
  });
});
