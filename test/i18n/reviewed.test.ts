import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/catalogs/en';
import { hu } from '../../src/i18n/catalogs/hu';
import { ms } from '../../src/i18n/catalogs/ms';
import { sk } from '../../src/i18n/catalogs/sk';
import { translate, type Catalog, type MessageKey, type Params } from '../../src/i18n/translate';
import type { Locale } from '../../src/triage/types';

/*
 * The lines a native-speaking editor reworded (December review), as a visitor sees them: rendered
 * with the values the widget fills in, every variant a conversation can get.
 */

const catalogs: Record<Locale, Catalog> = { en, ms, hu, sk };
const key = (k: string): { key: MessageKey } => ({ key: k as MessageKey });
const DUE = { date: '2026-03-20T16:00:00Z', timeZone: 'Europe/London' };

/** Every rendering of a line over enough conversations to meet each of its variants. */
function heard(locale: Locale, k: MessageKey, params?: Params): string[] {
  const out = new Set<string>();
  for (let seed = 0; seed < 40; seed++) out.add(translate(catalogs[locale], locale, k, params, `conversation-${seed}`));
  return [...out].sort();
}

describe('English lines as the editor reworded them', () => {
  it('welcomes a returning visitor without sounding glad about a new complaint', () => {
    expect(heard('en', 'greet.welcomeBack')).toEqual(['Welcome back. Thank you for getting in touch again.']);
    expect(heard('en', 'greet.welcomeBackName', { name: 'Ada' })).toEqual(['Welcome back, Ada. Thank you for getting in touch again.']);
  });

  it('offers the alternative instead of "What I can do is store credit"', () => {
    expect(heard('en', 'outcome.unavailable', { wanted: key('outcome.name.refund'), alternative: key('outcome.name.storeCredit') })).toEqual([
      'I understand you’d like a refund. I’m afraid I can’t offer that here, but I can offer store credit instead. Would that help?',
    ]);
  });

  it('does not promise a replacement, an exchange or a repair before the team has checked', () => {
    for (const [kind, name] of [['replacement', 'a replacement'], ['exchange', 'an exchange'], ['repair', 'a repair']] as const) {
      const line = heard('en', 'commit.summary', { action: key(`commit.action.${kind}`), due: DUE });
      expect(line).toHaveLength(1);
      expect(line[0]).toMatch(new RegExp(`^Here is what happens next: our team will check your order and get back to you about ${name}\\. `));
      expect(line[0]).not.toMatch(/arrange/);
    }
  });

  it('greets a visitor by name with a comma', () => {
    for (const line of heard('en', 'greet.helloName', { name: 'Ada' })) expect(line).toMatch(/^(Hello|Hi), Ada\. I’m here to help\.$/);
  });
});
