import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import type { Catalog } from '../../widget/src/i18n/translate';
import type { Locale } from '../../widget/src/triage/types';
import {
  axeViolations,
  focusInfo,
  horizontalOverflow,
  misannouncedBotLines,
  settle,
  tabTo,
  watchLiveRegion,
  widgetStep,
} from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

interface Visit {
  locale: Locale;
  catalog: Catalog;
  /** The width the visitor drives the widget at; every step is also checked at the other. */
  width: 320 | 1280;
  complaint: string;
  name: string;
  email: string;
}

const VISITS: Visit[] = [
  { locale: 'en', catalog: en, width: 320, complaint: 'The kettle I ordered arrived with a dented lid and it leaks when I boil water.', name: 'Ana Novak', email: 'ana@example.com' },
  { locale: 'ms', catalog: ms, width: 1280, complaint: 'Cerek yang saya pesan sampai dalam keadaan kemek dan ia bocor apabila saya masak air.', name: 'Siti Aminah', email: 'siti@example.com' },
  { locale: 'hu', catalog: hu, width: 320, complaint: 'A megrendelt vízforraló horpadtan érkezett, és szivárog, amikor vizet forralok benne.', name: 'Kovács Éva', email: 'eva@example.com' },
  { locale: 'sk', catalog: sk, width: 1280, complaint: 'Objednaná kanvica prišla premáčknutá a pri varení vody z nej tečie voda na sporák.', name: 'Zuzana Horváthová', email: 'zuzana@example.com' },
];
const WIDTHS = [320, 1280] as const;

const env = useWidgetEnvironment();

/** Fails the test the moment focus falls to the page body (or nowhere) while the widget is in use. */
async function focusKept(page: Page, where: string): Promise<void> {
  const focus = await focusInfo(page);
  expect(focus.document, `focus lost to the page ${where}`).not.toBe('body');
  expect(focus.tag, `nothing focused ${where}`).not.toBeNull();
}

/** axe at both widths, and no sideways scrolling at 320 px; leaves the viewport at `width`. */
async function checkStep(page: Page, width: number, step: string): Promise<void> {
  for (const w of [...WIDTHS.filter((x) => x !== width), width]) {
    await page.setViewportSize({ width: w, height: 720 });
    await settle(page);
    expect(await axeViolations(page), `axe at ${w} px, ${step}`).toEqual([]);
    if (w === 320) expect(await horizontalOverflow(page), `horizontal overflow at 320 px, ${step}`).toEqual({ page: 0, panel: 0, panelOutside: 0 });
    await focusKept(page, `after resizing to ${w} px, ${step}`);
  }
}

describe('a complaint made by keyboard alone', () => {
  it.each(VISITS)('in $locale at $width px: every step passes axe, keeps focus, announces each line once, and the receiver gets the record', async (visit) => {
    const t = (key: string) => {
      const text = visit.catalog[key as keyof Catalog];
      if (typeof text !== 'string') throw new Error(`no plain text for ${key}`);
      return text;
    };
    const context = await env.browser.newContext({ viewport: { width: visit.width, height: 720 }, locale: 'en-GB' });
    const page = await context.newPage();
    await watchLiveRegion(page);
    const url = env.server.page(`flow-${visit.locale}`, {
      html: hostPage({
        title: `Flow ${visit.locale}`,
        lang: visit.locale,
        attrs: `data-locale="${visit.locale}"`,
        body: '<p>Our shop. <a href="#delivery">Delivery</a> and <a href="#returns">returns</a>.</p>',
      }),
    });
    await page.goto(url);
    const before = env.server.records().length;
    let keys = 0;
    const afterKey = async () => {
      keys += 1;
      await focusKept(page, `after key ${keys}`);
    };
    const press = async (key: string) => {
      await page.keyboard.press(key);
      await afterKey();
    };

    // The bubble, reached by Tab past the host page's own links.
    await page.locator('heard-root').waitFor({ state: 'attached' });
    await press('Tab');
    await tabTo(page, t('ui.launcher'), afterKey);
    await press('Enter');
    await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
    const opened = await focusInfo(page);
    expect(`${opened.tag} ${opened.name}`, 'opening the panel puts the visitor in the composer').toBe(`textarea ${t('ui.composer.label')}`);
    await checkStep(page, visit.width, 'greeting');

    // The story, typed key by key, sent with Enter.
    await page.keyboard.type(visit.complaint);
    await press('Enter');
    let step = await settle(page);
    expect(step.lines.filter((l) => l.from === 'visitor').map((l) => l.text)).toEqual([visit.complaint]);
    await checkStep(page, visit.width, 'listening');

    await tabTo(page, t('ui.done'), afterKey);
    await press('Space');
    step = await settle(page);
    expect(step.confirm, `restatement offered in ${visit.locale}`).toBe(true);
    await checkStep(page, visit.width, 'restatement');

    await tabTo(page, t('ui.restate.yes'), afterKey);
    await press('Enter');
    step = await settle(page);
    expect(step.outcomes, 'outcome choices after confirming').toBe(true);
    await checkStep(page, visit.width, 'outcome');

    await tabTo(page, t('outcome.label.replacement'), afterKey);
    await press('Space');
    step = await settle(page);
    expect(step.contact, 'contact form after choosing an outcome').toBe(true);
    await checkStep(page, visit.width, 'contact');

    await tabTo(page, t('ui.contact.name'), afterKey);
    await page.keyboard.type(visit.name);
    await tabTo(page, t('ui.contact.email'), afterKey);
    await page.keyboard.type(visit.email);
    await tabTo(page, t('ui.contact.consent'), afterKey);
    await press('Space');
    await tabTo(page, t('ui.contact.submit'), afterKey);
    await press('Enter');
    step = await settle(page);
    expect(step.commit, 'the commitment and its one action').toBe(true);
    const shownBeforeSending = step.lines;
    await checkStep(page, visit.width, 'commitment');

    await tabTo(page, t('ui.commit.send'), afterKey);
    await press('Enter');
    await page.waitForFunction(() => !!document.querySelector('heard-root')?.shadowRoot?.querySelector('.heard-thanks'));
    step = await settle(page);
    await checkStep(page, visit.width, 'thanks');
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(before + 1);

    expect(await misannouncedBotLines(page), 'bot lines reaching the live region other than once').toEqual([]);

    // Escape closes, and the visitor is back on the bubble.
    await press('Escape');
    expect((await widgetStep(page)).open).toBe(false);
    const back = await focusInfo(page);
    expect([back.inWidget, back.className, back.name]).toEqual([true, 'heard-launcher', t('ui.launcher')]);

    const record = env.server.records().at(-1)!;
    expect(record.locale).toBe(visit.locale);
    expect(record.triage.language).toBe(visit.locale);
    expect(record.messages.find((m) => m.from === 'visitor')?.text).toBe(visit.complaint);
    // What the visitor read before sending is what the site owner receives.
    expect(record.messages.map((m) => ({ from: m.from, text: m.text }))).toEqual(shownBeforeSending);
    expect(record.restatement?.confirmed).toBe(true);
    expect(record.restatement?.text).toBeTruthy();
    expect(record.desiredOutcome?.kind).toBe('replacement');
    expect(record.visitor).toMatchObject({ name: visit.name, email: visit.email, followUpConsent: true });
    expect(record.commitment?.action).toBeTruthy();
    expect(record.commitment!.slaHours).toBeGreaterThan(0);
    expect(Date.parse(record.commitment!.dueBy)).toBeGreaterThan(Date.parse(record.submittedAt));
    await context.close();
  });
});
