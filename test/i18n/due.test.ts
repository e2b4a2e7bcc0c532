import { describe, expect, it } from 'vitest';
import { composeDueMovedEmail } from '../../server/jobs/commitments/visitor-mail.mjs';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import { formatDue } from '../../widget/src/i18n/due';
import { translate, type Catalog } from '../../widget/src/i18n/translate';
import type { Locale } from '../../widget/src/triage/types';
import { statusSentences } from '../../widget/src/ui/PastStatuses';
import type { ComplaintStatus } from '../../widget/src/transport/status';

/*
 * One rule for a promised time, wherever the visitor reads it: a day or more away, the date in
 * their language; sooner, the time with its zone named, so a team's afternoon is not read as the
 * visitor's own clock.
 */

const catalogs: Record<Locale, Catalog> = { en, ms, hu, sk };
const SAID = '2026-12-07T09:00:00.000Z'; // a Monday morning, UTC
const TOMORROW = '2026-12-08T15:00:00.000Z';
const TODAY = '2026-12-07T15:00:00.000Z';

const LATER: Record<Locale, string> = { en: 'Tuesday, December 8', ms: 'Selasa, 8 Disember', hu: 'december 8., kedd', sk: 'utorok 8. decembra' };
const SOON_UTC: Record<Locale, string> = { en: 'Monday, 3:00 PM UTC', ms: 'Isnin, 3:00 PTG UTC', hu: 'hétfő 15:00 UTC', sk: 'pondelok 15:00 UTC' };
const SOON_KL: Record<Locale, string> = { en: 'Monday, 11:00 PM GMT+8', ms: 'Isnin, 11:00 PTG MYT', hu: 'hétfő 23:00 GMT+8', sk: 'pondelok 23:00 GMT+8' };
const LOCALES = ['en', 'ms', 'hu', 'sk'] as const;

describe('a promised time', () => {
  it('a day or more away is a date in the visitor\'s language, with no time of day', () => {
    for (const locale of LOCALES) expect(formatDue(locale, TOMORROW, SAID, 'UTC')).toBe(LATER[locale]);
  });

  it('less than a day away is a time with its zone named, in the zone it is said in', () => {
    for (const locale of LOCALES) {
      expect(formatDue(locale, TODAY, SAID, 'UTC')).toBe(SOON_UTC[locale]);
      expect(formatDue(locale, TODAY, SAID, 'Asia/Kuala_Lumpur')).toBe(SOON_KL[locale]);
    }
  });

  it('names the year only when it is not this one', () => {
    expect(formatDue('en', '2027-01-04T09:00:00.000Z', '2026-12-30T09:00:00.000Z', 'UTC')).toBe('Monday, January 4, 2027');
  });

  it('the thanks line and the status say it by the same rule', () => {
    for (const locale of LOCALES) {
      const thanks = translate(catalogs[locale], locale, 'thank.reference', { reference: 'HRD-7K3F9Q', due: { date: TODAY, from: SAID, timeZone: 'UTC' } });
      expect(thanks).toContain(SOON_UTC[locale]);
      const status: ComplaintStatus = { reference: 'HRD-7K3F9Q', status: 'received', receivedAt: SAID, resolvedAt: null, dueBy: TOMORROW, dueByReason: null, replies: [] };
      const [, [key, params]] = statusSentences(status, SAID) as [unknown, [Parameters<typeof translate>[2], Parameters<typeof translate>[3]]];
      expect(translate(catalogs[locale], locale, key, params)).toContain(formatDue(locale, TOMORROW, SAID));
    }
  });

  it('the server\'s email about a moved date says it by the same rule', () => {
    const complaint = { reference: 'HRD-7K3F9Q', record: { locale: 'hu', visitor: { name: null, email: 'ana@example.com' } } } as never;
    const envelope = { from: 'Heard <heard@shop.example>', replyTo: null, messageId: '<1@shop.example>' };
    const soon = composeDueMovedEmail(complaint, { dueBy: TODAY, reason: 'Futár.' }, envelope, Date.parse(SAID));
    expect(soon.text).toContain(`Az új határidő: ${SOON_UTC.hu}.`);
    const later = composeDueMovedEmail(complaint, { dueBy: TOMORROW, reason: 'Futár.' }, envelope, Date.parse(SAID));
    expect(later.text).toContain(`Az új határidő: ${LATER.hu}.`);
  });
});
