import { describe, expect, expectTypeOf, it } from 'vitest';
import * as heard from '../widget/src/index';
import type { ComplaintRecord, HeardApi, HeardEvents, TriageResult, WidgetConfig } from '../widget/src/index';

describe('the public entry', () => {
  it('exports exactly the public API, all named', () => {
    expect(Object.keys(heard).sort()).toEqual(
      [
        'OUTCOMES',
        'SCHEMA_VERSION',
        'DEFAULT_SCRIPT_OPTIONS',
        'buildRecord',
        'complaintMachine',
        'computeDueDate',
        'createDelivery',
        'defineHeardElement',
        'loadCatalog',
        'mount',
        'openStore',
        'parseConfig',
        'resolveLocale',
        'restate',
        'transcriptText',
        'translate',
        'triage',
      ].sort(),
    );
    expect('default' in heard).toBe(false);
  });

  it('triage and restatement work straight from the package', () => {
    const t = heard.triage('Order #55120 was charged twice, €40 each. I want my money back.');
    expect(t.category).toBe('billing');
    expect(heard.restate(['Order #55120 was charged twice, €40 each.'], t, 'en')).toContain('55120');
  });

  it('has the types a site owner or receiver author reaches for', () => {
    expectTypeOf(heard.triage).returns.toEqualTypeOf<TriageResult>();
    expectTypeOf(heard.mount).returns.resolves.toEqualTypeOf<HeardApi>();
    expectTypeOf<HeardApi['on']>().parameter(0).toEqualTypeOf<keyof HeardEvents>();
    expectTypeOf<HeardEvents['submitted']>().toHaveProperty('reference').toEqualTypeOf<string>();
    expectTypeOf<ComplaintRecord['triage']['urgency']>().toEqualTypeOf<'low' | 'normal' | 'high' | 'critical'>();
    expectTypeOf<WidgetConfig['position']>().toEqualTypeOf<'bottom-right' | 'bottom-left'>();
    expectTypeOf<ComplaintRecord['schemaVersion']>().toEqualTypeOf<1>();
  });
});
