import { describe, expect, it, vi } from 'vitest';
import { parseConfig, reportProblems } from '../../widget/src/embed/config';

const BASE = 'https://shop.example/basket';

describe('site owner configuration', () => {
  it('needs only the endpoint, and gives sensible defaults for the rest', () => {
    const { config, problems } = parseConfig({ endpoint: 'https://shop.example/complaints' }, BASE);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ endpoint: 'https://shop.example/complaints', position: 'bottom-right', draftMaxAgeDays: 30 });
    expect(config!.locale).toBeUndefined();
  });

  it('reads the attachment settings, and names a bad one', () => {
    const { config, problems } = parseConfig({ endpoint: '/c', attachments: 'off', attachmentTypes: 'image/jpeg, application/pdf', attachmentMaxMb: '5' }, BASE);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ attachments: 'off', attachmentTypes: ['image/jpeg', 'application/pdf'], attachmentMaxMb: 5 });
    const bad = parseConfig({ endpoint: '/c', attachments: 'no', attachmentMaxMb: '50' }, BASE).problems;
    expect(bad.map((p) => `${p.attribute} ${p.message}`)).toEqual([
      'data-attachments "no" is not on or off.',
      'data-attachment-max-mb "50" is not a number of megabytes above 0, at most 20.',
    ]);
  });

  it('resolves a relative endpoint against the page', () => {
    expect(parseConfig({ endpoint: '/complaints' }, BASE).config!.endpoint).toBe('https://shop.example/complaints');
  });

  it('refuses to start without an endpoint, naming the attribute', () => {
    const { config, problems } = parseConfig({}, BASE);
    expect(config).toBeNull();
    expect(problems[0]!.attribute).toBe('data-endpoint');
    expect(parseConfig({ endpoint: 'javascript:alert(1)' }, BASE).config).toBeNull();
  });

  it('reads every optional attribute', () => {
    const { config, problems } = parseConfig(
      {
        endpoint: '/c',
        siteKey: 'k1',
        locale: 'hu-HU',
        brand: 'Kávézó',
        accent: '#aa3300',
        position: 'bottom-left',
        privacyUrl: '/privacy',
        outcomes: 'refund, exchange,heard',
        requiredContact: 'email,phone',
        contactFields: 'name,email,phone',
        slaHours: 'critical:2,high:6,normal:16,low:30',
        businessHours: '08:30-16:30',
        businessDays: 'mon-sat',
        timeZone: 'Europe/Budapest',
        holidays: '2026-12-24,2026-12-25',
        followUpHours: '24',
        escalate: 'critical',
        draftDays: '7',
      },
      BASE,
    );
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      siteKey: 'k1',
      locale: 'hu',
      brand: 'Kávézó',
      accent: '#aa3300',
      position: 'bottom-left',
      privacyUrl: 'https://shop.example/privacy',
      draftMaxAgeDays: 7,
      script: {
        outcomes: ['refund', 'exchange'],
        requiredContact: ['email', 'phone'],
        contactFields: ['name', 'email', 'phone'],
        slaHours: { critical: 2, high: 6, normal: 16, low: 30 },
        businessHours: { start: '08:30', end: '16:30', days: [1, 2, 3, 4, 5, 6], timeZone: 'Europe/Budapest', holidays: ['2026-12-24', '2026-12-25'] },
        followUpDelayHours: 24,
        escalation: { critical: true, premium: false },
      },
    });
  });

  it('takes typed values from window.HeardConfig too', () => {
    const { config, problems } = parseConfig(
      { endpoint: '/c', outcomes: ['repair'], slaHours: { normal: 10 }, actions: { repair: 'We will collect it.' } },
      BASE,
    );
    expect(problems).toEqual([]);
    expect(config!.script).toMatchObject({ outcomes: ['repair'], slaHours: { normal: 10 }, actions: { repair: 'We will collect it.' } });
  });

  it('reports each bad attribute once by name and keeps the default', () => {
    const { config, problems } = parseConfig(
      {
        endpoint: '/c',
        locale: 'klingon',
        accent: 'blue-ish',
        position: 'top',
        outcomes: 'refund,teleport',
        requiredContact: 'email,shoe',
        slaHours: 'normal:-3',
        businessHours: '17:00-09:00',
        businessDays: 'funday',
        timeZone: 'Mars/Olympus',
        holidays: 'christmas',
        followUpHours: 'soon',
        escalate: 'always',
        draftDays: '0',
        privacyUrl: 'ftp://x',
      },
      BASE,
    );
    expect(config).not.toBeNull();
    expect(problems.map((p) => p.attribute)).toEqual([
      'data-locale',
      'data-accent',
      'data-position',
      'data-privacy-url',
      'data-draft-days',
      'data-outcomes',
      'data-required-contact',
      'data-sla-hours',
      'data-business-hours',
      'data-business-days',
      'data-time-zone',
      'data-holidays',
      'data-follow-up-hours',
      'data-escalate',
    ]);
    expect(config).toMatchObject({ position: 'bottom-right', draftMaxAgeDays: 30, script: {} });
    expect(config!.script.outcomes).toBeUndefined();
    expect(config!.accent).toBeUndefined();
  });

  it('refuses hours so large a due date would be meaningless', () => {
    const { config, problems } = parseConfig({ endpoint: '/c', followUpHours: '1e12', slaHours: 'normal:99999999' }, BASE);
    expect(problems.map((p) => p.attribute)).toEqual(['data-sla-hours', 'data-follow-up-hours']);
    expect(config!.script.followUpDelayHours).toBeUndefined();
    expect(config!.script.slaHours).toBeUndefined();
  });

  it('logs one clear console error per problem', () => {
    const log = { error: vi.fn() };
    reportProblems(parseConfig({ endpoint: '/c', accent: 'nope' }, BASE).problems, log);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]![0]).toMatch(/^Heard: data-accent "nope" is not a colour/);
  });

  it('lets the owner turn off escalation and contact requirements entirely', () => {
    const { config } = parseConfig({ endpoint: '/c', escalate: 'none', requiredContact: 'none' }, BASE);
    expect(config!.script.escalation).toEqual({ critical: false, premium: false });
    expect(config!.script.requiredContact).toEqual([]);
  });

  it('takes who the visitor is from HeardConfig.identity, and names a value that is not an object', () => {
    const hash = 'ab'.repeat(32);
    const { config, problems } = parseConfig({ endpoint: '/c', identity: { userId: 'c-1042', email: 'ana@shop.example', userHash: hash, traits: { plan: 'gold' } } }, BASE);
    expect(problems).toEqual([]);
    expect(config!.identity).toEqual({ userId: 'c-1042', email: 'ana@shop.example', userHash: hash, traits: { plan: 'gold' } });
    const bad = parseConfig({ endpoint: '/c', identity: 'ana@shop.example' }, BASE);
    expect(bad.config!.identity).toBeUndefined();
    expect(bad.problems.map((p) => p.attribute)).toEqual(['HeardConfig.identity']);
  });

  it('keeps only the page path unless told data-page-url="full", and preloads when idle unless told otherwise', () => {
    expect(parseConfig({ endpoint: '/c' }, BASE).config).toMatchObject({ pageUrl: 'path', preload: 'idle' });
    expect(parseConfig({ endpoint: '/c', pageUrl: 'full', preload: 'interaction' }, BASE).config).toMatchObject({ pageUrl: 'full', preload: 'interaction' });
    const bad = parseConfig({ endpoint: '/c', pageUrl: 'everything', preload: 'eager' }, BASE);
    expect(bad.config).toMatchObject({ pageUrl: 'path', preload: 'idle' });
    expect(bad.problems.map((p) => p.attribute)).toEqual(['data-page-url', 'data-preload']);
  });

  it('checks the wording per outcome and the own categories HeardConfig gives, naming them when wrong', () => {
    const good = parseConfig({ endpoint: '/c', actions: { refund: 'We refund within 5 days.' }, categories: { hygiene: ['dirty', 'špinavý'] } }, BASE);
    expect(good.problems).toEqual([]);
    expect(good.config!.script).toMatchObject({ actions: { refund: 'We refund within 5 days.' }, categories: { hygiene: ['dirty', 'špinavý'] } });
    const bad = parseConfig({ endpoint: '/c', actions: { teleport: 'Beam them up.' }, categories: { hygiene: 'dirty' } }, BASE);
    expect(bad.problems.map((p) => p.attribute)).toEqual(['HeardConfig.actions', 'HeardConfig.categories']);
    expect(bad.config!.script.actions).toBeUndefined();
    expect(bad.config!.script.categories).toBeUndefined();
  });
});
