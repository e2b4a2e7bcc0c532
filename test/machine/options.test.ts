import { describe, expect, it } from 'vitest';
import { contactFormFields, DEFAULT_SCRIPT_OPTIONS, outcomeChoices, resolveOptions } from '../../widget/src/machine/options';

describe('script options', () => {
  it('offers the owner’s outcomes in their order, then being heard; “something else” is a field of its own', () => {
    expect(outcomeChoices({ outcomes: ['repair', 'refund'] })).toEqual(['repair', 'refund', 'heard']);
    expect(outcomeChoices({ outcomes: ['other', 'storeCredit', 'heard'] })).toEqual(['storeCredit', 'heard']);
    expect(outcomeChoices({ outcomes: [] })).toEqual(['heard']);
  });

  it('shows a required contact field even when the owner left it out of the form', () => {
    expect(contactFormFields({ contactFields: ['name'], requiredContact: ['email'] })).toEqual([
      { field: 'name', required: false },
      { field: 'email', required: true },
    ]);
    expect(contactFormFields(DEFAULT_SCRIPT_OPTIONS).map((f) => f.field)).toEqual(['name', 'email', 'phone', 'accountRef']);
  });

  it('keeps the defaults for what the owner did not set', () => {
    expect(resolveOptions({ outcomes: ['repair'] })).toMatchObject({ outcomes: ['repair'], requiredContact: ['email'], followUpDelayHours: 48 });
  });
});
