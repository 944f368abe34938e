// Debian's Chromium driven by playwright-core, at a phone's size, against a real server.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A mid-range Android phone: 360×740, touch, a mobile user agent. */
export function phone(browser: Browser, opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
}

export function question(page: Page, id: string): Locator {
  return page.locator(`#q-${id}`);
}

/** Taps the option labelled exactly `label` in a question, as a thumb would. */
export async function tapOption(page: Page, id: string, label: string): Promise<void> {
  await question(page, id).locator('label.mny-o', { hasText: new RegExp(`^${label}$`) }).tap();
}

export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: `test-artifacts/respondent-${name}.png`, fullPage: opts.fullPage ?? false });
}

/** A screenshot taker for one page family: `test-artifacts/PREFIX-NAME.png`, to be looked at. */
export function screenshots(prefix: string) {
  return (page: Page, name: string, fullPage = false): Promise<Buffer> => page.screenshot({ path: `test-artifacts/${prefix}-${name}.png`, fullPage });
}
