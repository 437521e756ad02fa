import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import type { Page as ChromiumPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDON_ID, ADDON_UUID, openAddonPage, startFirefox } from './firefox';
import {
  FIREFOX_BUILD,
  FIREFOX_PATH,
  readStoreInExtension,
  requireBrowser,
  requireBuild,
  SAVE_TIMEOUT_MS,
  sleep,
  waitFor,
  type Row,
} from './harness';
import { launchPopupChromium, runAxe, type PopupChromium } from './popup-driver';

/**
 * The options page of the built extension in both browsers, used the way a candidate would: by
 * keyboard (the browser's own key events, not synthetic ones), except for date pickers, whose
 * typing order follows the machine's locale. Each run fills a profile, meets an inline message,
 * fixes it, accepts proposals from a pasted résumé, saves, and reads the row the background
 * wrote straight from the extension's IndexedDB (`job-lens`, table `profile`, id 'me').
 */

/** What the steps need from either driver. */
interface Driver {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
}

const RESUME = `Ana Souza
ana.souza@example.com

EDUCATION
M.S. in Computer Science, University of Washington, Jun 2026 (expected)

SKILLS
golang, Kubernetes, Kafka

PUBLICATIONS
- Ana Souza, R. Patel. Tail latency in streaming joins. VLDB 2025.
`;

const EXPECTED_PROFILE = {
  education: [
    { level: 'Bachelor', field: 'Software Engineering', status: 'completed', graduation: '2024-06' },
    { level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: '2026-06' },
  ],
  skills: ['Python', 'Go', 'Kubernetes', 'Kafka'],
  languages: ['Portuguese (native)', 'English (fluent)'],
  availability: [{ from: '2026-06-15', to: '2026-09-11' }],
  locations: ['Seattle', 'San Jose'],
  publications: [{ venue: 'VLDB', year: 2025, firstAuthor: true }],
  workAuthorization: [{ country: 'United States', status: 'student-visa' }],
  experience: [],
};

// In-page helpers. They run in the page, so each is self-contained.
function focusById(id: string): boolean {
  const element = document.getElementById(id);
  element?.focus();
  return document.activeElement === element && element !== null;
}
function focusButton(name: string): boolean {
  const button = [...document.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
  );
  button?.focus();
  return button !== undefined && document.activeElement === button;
}
/** Sets a value as the user's input would (React listens to the native setter's input event). */
function setValue({ id, value }: { id: string; value: string }): void {
  const element = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}
const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const attribute = ({ id, name }: { id: string; name: string }) => document.getElementById(id)?.getAttribute(name) ?? null;
const chips = (listId: string) =>
  [...document.querySelectorAll(`#${listId}`)].flatMap((input) =>
    [...(input.closest('.tag-input')?.querySelectorAll('.chip > span') ?? [])].map((s) => s.textContent ?? ''),
  );

async function focus(page: Driver, id: string) {
  expect(await page.evaluate(focusById, id), `focus #${id}`).toBe(true);
}
async function activate(page: Driver, name: string) {
  expect(await page.evaluate(focusButton, name), `button "${name}"`).toBe(true);
  await page.press('Enter');
}
async function typeInto(page: Driver, id: string, value: string) {
  await focus(page, id);
  await page.type(value);
}
async function statusText(page: Driver): Promise<string> {
  return page.evaluate(text, '#save-status');
}

async function fillAndSave(page: Driver, readProfile: () => Promise<Row[]>) {
  await waitFor('the options page to render', async () =>
    (await statusText(page).catch(() => '')) === 'Not saved yet.' ? true : undefined,
  );

  // A degree, with a graduation the schema refuses.
  await activate(page, 'Add degree');
  expect(await page.evaluate(() => document.activeElement?.id, null)).toBe('profile-education-0-level');
  await page.select('#profile-education-0-level', 'Bachelor');
  await typeInto(page, 'profile-education-0-field', 'Software Engineering');
  await page.select('#profile-education-0-status', 'completed');
  await typeInto(page, 'profile-education-0-graduation', '2024-6');
  await page.press('Tab');
  expect(await page.evaluate(attribute, { id: 'profile-education-0-graduation', name: 'aria-invalid' })).toBe('true');
  expect(await page.evaluate(attribute, { id: 'profile-education-0-graduation', name: 'aria-describedby' })).toContain(
    'profile-education-0-graduation-error',
  );
  expect(await page.evaluate(text, '#profile-education-0-graduation-error')).toBe('expected a year and month (YYYY-MM)');

  // Saving now is refused, and focus goes to the field to fix.
  await activate(page, 'Save profile');
  expect(await statusText(page)).toBe('Not saved: 1 field needs attention (degree 1, graduation).');
  expect(await page.evaluate(() => document.activeElement?.id, null)).toBe('profile-education-0-graduation');
  await page.press('Backspace');
  await page.type('06');
  expect(await page.evaluate(attribute, { id: 'profile-education-0-graduation', name: 'aria-invalid' })).toBeNull();

  // A skill from the suggestions, by arrow keys.
  await typeInto(page, 'profile-skills', 'pyth');
  await waitFor('skill suggestions', async () =>
    (await page.evaluate(attribute, { id: 'profile-skills', name: 'aria-expanded' })) === 'true' ? true : undefined,
  );
  await page.press('ArrowDown');
  const active = await page.evaluate(attribute, { id: 'profile-skills', name: 'aria-activedescendant' });
  expect(active).toBeTruthy();
  expect(await page.evaluate((id: string) => document.getElementById(id)?.textContent, active!)).toBe('Python');
  await page.press('Enter');

  await typeInto(page, 'profile-languages', 'Portuguese (native)');
  await page.press('Enter');
  await page.type('English (fluent)');
  await page.press('Enter');
  await typeInto(page, 'profile-locations', 'Seattle, San Jose');
  await page.press('Enter');

  await activate(page, 'Add period');
  await page.evaluate(setValue, { id: 'profile-availability-0-from', value: '2026-06-15' });
  await page.evaluate(setValue, { id: 'profile-availability-0-to', value: '2026-09-11' });

  await activate(page, 'Add country');
  await page.type('United States');
  await page.select('#profile-workAuthorization-0-status', 'student-visa');

  // The résumé proposes the master's degree, Go (from "golang"), two skills and a publication.
  const resumeBox = await page.evaluate(() => document.querySelector('textarea')!.id, null);
  await page.evaluate(setValue, { id: resumeBox, value: RESUME });
  await activate(page, 'Find degrees, skills and publications');
  await waitFor('the résumé checklist', async () =>
    (await page.evaluate(() => document.querySelectorAll('.checklist input[type=checkbox]').length, null)) > 0 ? true : undefined,
  );
  expect(await page.evaluate(() => [...document.querySelectorAll('.checklist label')].map((l) => l.textContent), null)).toEqual([
    'Master · Computer Science · pursuing · graduation 2026-06',
    'Go',
    'Kubernetes',
    'Kafka',
    'VLDB · 2025 · first author',
  ]);
  await activate(page, 'Add 5 selected to the form');
  expect(await page.evaluate(chips, 'profile-skills')).toEqual(['Python', 'Go', 'Kubernetes', 'Kafka']);

  const before = await statusText(page);
  await activate(page, 'Save profile');
  // Ends on the first answer either way, so a refusal fails with the page's own words.
  const answer = await waitFor('the save to finish', async () => {
    const status = await statusText(page);
    return status.startsWith('Profile saved') || (status.startsWith('Not saved') && status !== before) ? status : undefined;
  });
  expect(answer).toMatch(/^Profile saved/);

  const rows = await readProfile();
  expect(rows).toHaveLength(1);
  const [row] = rows;
  expect(row!.id).toBe('me');
  expect(typeof row!.updatedAt).toBe('string');
  expect(row!.data).toEqual(EXPECTED_PROFILE);

  // A reload shows what was stored.
  await page.evaluate(() => location.reload(), null);
}

async function afterReload(page: Driver) {
  await waitFor('the reloaded page', async () => ((await statusText(page).catch(() => '')).startsWith('Last saved') ? true : undefined));
  expect(await page.evaluate(chips, 'profile-languages')).toEqual(['Portuguese (native)', 'English (fluent)']);
  expect(await page.evaluate(() => (document.getElementById('profile-publications-0-venue') as HTMLInputElement).value, null)).toBe('VLDB');
}

describe('chromium: the options page', () => {
  let browser: PopupChromium;
  let page: ChromiumPage;

  beforeAll(async () => {
    // No careers pages are visited here, so the host rules point nowhere in particular.
    browser = await launchPopupChromium(9);
    page = await browser.extensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const driver = (): Driver => ({
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    type: (value) => page.keyboard.type(value),
    press: (key) => page.keyboard.press(key),
    select: async (selector, value) => void (await page.selectOption(selector, value)),
  });

  it("is the manifest's options page, opened in a tab", async () => {
    const manifest = await page.evaluate(
      () =>
        (globalThis as unknown as { chrome: { runtime: { getManifest(): { options_ui?: unknown } } } }).chrome.runtime.getManifest()
          .options_ui,
    );
    expect(manifest).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('fills a profile by keyboard, shows and clears an inline message, accepts résumé proposals, and saves to the database', async () => {
    await fillAndSave(driver(), () => browser.readStore('profile'));
    await afterReload(driver());
  });

  it('follows the colour scheme and has no serious accessibility violations', async () => {
    const background = () => getComputedStyle(document.body).backgroundColor;
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(background);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(background);
    expect(light).not.toBe(dark);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(violations, `${scheme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    }
  });
});

const OPTIONS_URL = `moz-extension://${ADDON_UUID}/options.html`;

describe('firefox: the options page', () => {
  let browser: FirefoxBrowser;
  let page: FirefoxPage;

  beforeAll(async () => {
    requireBrowser(FIREFOX_PATH);
    requireBuild(FIREFOX_BUILD, 'npm run build:firefox');
    browser = await startFirefox();
    expect(await browser.installExtension(FIREFOX_BUILD)).toBe(ADDON_ID);
    page = await openAddonPage(browser, OPTIONS_URL, SAVE_TIMEOUT_MS, { width: 1000, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const driver = (): Driver => ({
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
    type: (value) => page.keyboard.type(value),
    press: (key) => page.keyboard.press(key as Parameters<FirefoxPage['keyboard']['press']>[0]),
    select: async (selector, value) => void (await page.select(selector, value)),
  });

  it('fills a profile by keyboard, shows and clears an inline message, accepts résumé proposals, and saves to the database', async () => {
    // The page shares the extension's origin, so it reads the background's database directly.
    await fillAndSave(driver(), () => page.evaluate(readStoreInExtension, 'profile'));
    await sleep(300);
    await waitFor('the page after reload', async () =>
      (await page.evaluate(() => location.href).catch(() => '')) === OPTIONS_URL ? true : undefined,
    );
    await afterReload(driver());
  });
});
