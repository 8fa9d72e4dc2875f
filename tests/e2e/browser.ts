import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Flags for Debian's Chromium in this sandbox (no downloads, no background network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const baseUrl = (): string => inject('baseUrl');
export const basePath = (): string => inject('basePath');

/** Every topic page, by slug. */
export const SLUGS = ['vanishing-gradients', 'overfitting', 'regularization', 'random-forest', 'discriminative-vs-generative', 'ransac'];
export const PAGES = ['', 'search/', ...SLUGS.map((s) => `notes/${s}/`)];

/** Collects console errors/warnings and page errors, so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}
