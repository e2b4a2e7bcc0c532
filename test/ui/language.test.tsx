import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { loadCatalog } from '../../widget/src/i18n/load';
import { logLines, mountWidget, openPanel, say, tell } from './support';

describe('language', () => {
  it('has a labelled language switcher naming each language in its own words', () => {
    const m = mountWidget();
    openPanel(m);
    const select = m.ui.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    expect(select.value).toBe('en');
    expect(Array.from(select.options, (o) => o.textContent)).toEqual(['English', 'Bahasa Melayu', 'Magyar', 'Slovenčina']);
  });

  it('re-renders the whole conversation, bot lines and labels, in the chosen language', async () => {
    const m = mountWidget();
    openPanel(m);
    say(m, 'My parcel is late.');
    const english = logLines(m);
    fireEvent.change(m.ui.getByRole('combobox', { name: 'Language' }), { target: { value: 'ms' } });
    await waitFor(() => expect(m.ui.getByRole('dialog').getAttribute('lang')).toBe('ms'));
    const malay = logLines(m);
    expect(malay).toHaveLength(english.length);
    expect(malay[1]).toBe(`Support: ${ms['greet.prompt']}`.replace('Support', String(ms['ui.botDefault'])));
    expect(malay[0]).not.toBe(english[0]);
    // The visitor's own words are never translated.
    expect(malay[2]).toContain('My parcel is late.');
    expect(m.ui.getByRole('textbox', { name: String(ms['ui.composer.label']) })).toBeTruthy();
    expect(m.ui.getByRole('button', { name: String(ms['ui.done']) })).toBeTruthy();
  });

  it('offers the language the visitor writes in, once, and switches when accepted', async () => {
    await loadCatalog('hu');
    const m = mountWidget();
    openPanel(m);
    tell(m, 'A csomagom két hetet késett, a rendelés száma #48213, és a turmixgép repedt volt. 89,99 eurót fizettem érte.');
    const offer = m.ui.getByRole('button', { name: 'Switch to Magyar' });
    expect(m.ui.getByText('It looks like you are writing in Magyar. Would you like to continue in Magyar?')).toBeTruthy();
    fireEvent.click(offer);
    await waitFor(() => expect(m.ui.getByRole('dialog').getAttribute('lang')).toBe('hu'));
    expect(m.ui.queryByRole('button', { name: 'Switch to Magyar' })).toBeNull();
  });

  it('“No, thanks” keeps the language and removes the offer', () => {
    const m = mountWidget();
    openPanel(m);
    tell(m, 'Bungkusan saya lewat dua minggu dan pengisar itu retak. Saya mahu bayaran balik untuk pesanan #48213.');
    fireEvent.click(m.ui.getByRole('button', { name: 'No, thanks' }));
    expect(m.actor.getSnapshot().context.locale).toBe('en');
    expect(m.ui.queryByRole('button', { name: 'No, thanks' })).toBeNull();
    expect(m.ui.queryByRole('button', { name: 'Switch to Bahasa Melayu' })).toBeNull();
    expect(logLines(m).at(-1)).toMatch(/^Support: Let me check/);
  });
});
