import { useLayoutEffect, useRef } from 'preact/hooks';
import type { MessageKey } from '../i18n/translate';
import type { ContactInput } from '../machine/events';
import { contactFormFields, type ContactField } from '../machine/options';
import { Button } from './Button';
import { useWidget } from './widgetContext';

const INPUT: Record<ContactField, { type: string; autocomplete: string; inputMode?: string }> = {
  name: { type: 'text', autocomplete: 'name' },
  email: { type: 'email', autocomplete: 'email', inputMode: 'email' },
  phone: { type: 'tel', autocomplete: 'tel', inputMode: 'tel' },
  accountRef: { type: 'text', autocomplete: 'off' },
};

/**
 * The visitor's details: labelled fields, required ones marked, errors beside the field they
 * belong to, and focus on the first field to fix when the machine refuses them.
 */
export function ContactForm() {
  const { bridge, t, idPrefix, privacyUrl } = useWidget();
  const { context } = bridge.snapshot.value;
  // What the visitor typed lives in the conversation (`contact.edit`), so a reload finds it.
  const { contact, contactErrors } = context;
  const fields = contactFormFields(context.options);
  const inputs = useRef<Partial<Record<ContactField, HTMLInputElement | null>>>({});
  const focusInvalid = useRef(false);

  // After a refused submit has rendered its errors, so the field is read with its error.
  useLayoutEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    const first = fields.find(({ field }) => contactErrors[field]);
    if (first) inputs.current[first.field]?.focus();
  });

  const submit = (event: Event) => {
    event.preventDefault();
    const given: ContactInput = { followUpConsent: contact.followUpConsent };
    for (const { field } of fields) given[field] = contact[field];
    focusInvalid.current = true;
    bridge.send({ type: 'contact.submit', contact: given });
  };

  const id = (field: ContactField) => `${idPrefix}-contact-${field}`;
  return (
    <form class="heard-contact" noValidate onSubmit={submit}>
      {fields.map(({ field, required }, i) => {
        const error = contactErrors[field];
        const spec = INPUT[field];
        return (
          <div key={field} class="heard-field">
            <label class="heard-label" for={id(field)}>
              {t(`ui.contact.${field}` as MessageKey)}
              {required ? (
                <span class="heard-required" aria-hidden="true">
                  {' *'}
                </span>
              ) : (
                <span class="heard-optional">{` ${t('ui.contact.optional')}`}</span>
              )}
            </label>
            <input
              ref={(el) => {
                inputs.current[field] = el;
              }}
              id={id(field)}
              class="heard-input"
              type={spec.type}
              autocomplete={spec.autocomplete}
              inputMode={spec.inputMode as 'email' | 'tel' | undefined}
              value={contact[field]}
              aria-required={required ? 'true' : undefined}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id(field)}-error` : undefined}
              data-autofocus={i === 0 || undefined}
              onInput={(event) => {
                bridge.send({ type: 'contact.edit', contact: { [field]: event.currentTarget.value } });
              }}
            />
            {error && (
              <p id={`${id(field)}-error`} class="heard-error">
                {t(`error.${error}`)}
              </p>
            )}
          </div>
        );
      })}
      <div class="heard-field heard-check">
        <input
          id={`${idPrefix}-consent`}
          class="heard-checkbox"
          type="checkbox"
          checked={contact.followUpConsent}
          onChange={(event) => bridge.send({ type: 'contact.edit', contact: { followUpConsent: event.currentTarget.checked } })}
        />
        <label class="heard-label" for={`${idPrefix}-consent`}>
          {t('ui.contact.consent')}
        </label>
      </div>
      {isWebLink(privacyUrl) && (
        <p class="heard-privacy">
          <a class="heard-link" href={privacyUrl} target="_blank" rel="noopener noreferrer">
            {t('ui.contact.privacy')}
          </a>
        </p>
      )}
      <div class="heard-actions">
        <Button primary type="submit">
          {t('ui.contact.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Only web links become `href`s: a `javascript:` URL in the configuration must not run. */
function isWebLink(url: string | undefined): url is string {
  if (!url) return false;
  try {
    return /^https?:$/.test(new URL(url, 'https://base.invalid/').protocol);
  } catch {
    return false;
  }
}
