import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget, toContact } from './support';

describe('contact form', () => {
  it('labels every field, marks required ones and says which are optional', () => {
    const m = mountWidget({ privacyUrl: 'https://shop.example/privacy' }, { options: { requiredContact: ['email', 'phone'] } });
    toContact(m);
    const email = m.ui.getByRole('textbox', { name: /^Email/ });
    expect(email.getAttribute('aria-required')).toBe('true');
    expect(email.getAttribute('type')).toBe('email');
    expect(m.ui.getByLabelText(/^Phone/).getAttribute('aria-required')).toBe('true');
    // The label reads "Name (optional)"; the test DOM drops the space between inline parts.
    expect(m.ui.getByRole('textbox', { name: /^Name ?\(optional\)$/ }).getAttribute('aria-required')).toBeNull();
    expect(m.ui.getByLabelText(/^Name/).closest('.heard-field')!.querySelector('label')!.textContent).toBe('Name (optional)');
    expect(m.ui.getByRole('textbox', { name: /^Order or account number ?\(optional\)$/ })).toBeTruthy();
    expect(m.ui.getByRole('checkbox', { name: 'You may contact me to follow up on this complaint' })).toBeTruthy();
    const privacy = m.ui.getByRole('link', { name: 'How we use your details' });
    expect(privacy.getAttribute('href')).toBe('https://shop.example/privacy');
  });

  it('shows no privacy link without a privacy URL, nor for a script URL', () => {
    const m = mountWidget();
    toContact(m);
    expect(m.ui.queryByRole('link')).toBeNull();
    const n = mountWidget({ privacyUrl: 'javascript:alert(1)' });
    toContact(n);
    expect(n.ui.queryByRole('link')).toBeNull();
  });

  it('shows each error beside its field and moves focus to the first invalid one', () => {
    const m = mountWidget({}, { options: { requiredContact: ['name', 'email'] } });
    toContact(m);
    fireEvent.input(m.ui.getByLabelText(/^Email/), { target: { value: 'ana@example' } });
    fireEvent.click(m.ui.getByRole('button', { name: 'Continue' }));

    const name = m.ui.getByLabelText(/^Name/);
    const email = m.ui.getByLabelText(/^Email/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const nameError = m.root.getElementById(name.getAttribute('aria-describedby')!)!;
    const emailError = m.root.getElementById(email.getAttribute('aria-describedby')!)!;
    expect(nameError.textContent).toBe('Please fill this in.');
    expect(emailError.textContent).toBe('Please enter an email address like name@example.com.');
    // Beside the field: in the same field group, right after the input.
    expect(name.nextElementSibling).toBe(nameError);
    expect(email.nextElementSibling).toBe(emailError);
    expect(m.focused()).toBe(name);
    expect(m.ui.getByRole('textbox', { name: /^Phone/ }).getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps what was typed after a refused submit and goes on once it is fixed', () => {
    const m = mountWidget();
    toContact(m);
    fireEvent.input(m.ui.getByLabelText(/^Name/), { target: { value: 'Ana Lim' } });
    fireEvent.click(m.ui.getByRole('button', { name: 'Continue' }));
    expect((m.ui.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Ana Lim');
    expect(m.focused()).toBe(m.ui.getByLabelText(/^Email/));
    fireEvent.input(m.ui.getByLabelText(/^Email/), { target: { value: 'ana@example.com' } });
    fireEvent.click(m.ui.getByRole('checkbox'));
    fireEvent.click(m.ui.getByRole('button', { name: 'Continue' }));
    expect(m.actor.getSnapshot().context.contact).toMatchObject({ name: 'Ana Lim', email: 'ana@example.com', followUpConsent: true });
    expect(m.ui.getByRole('button', { name: 'Send complaint' })).toBeTruthy();
  });

  it('fills in what the host page already knows', () => {
    const m = mountWidget({}, { identity: { name: 'Ana Lim' }, options: { requiredContact: ['email'] } });
    toContact(m);
    expect((m.ui.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Ana Lim');
  });
});
