import type { MessageKey } from '../i18n/translate';
import { CLARIFY_PARTS, partKey } from '../machine/parts';
import { Button } from './Button';
import { useWidget } from './widgetContext';

/**
 * One-tap answers to the bot's last question: confirming the restatement, which part of the
 * experience a vague complaint is about, and switching to the language the visitor writes in.
 */
export function QuickReplies() {
  const { bridge, t } = useWidget();
  const snapshot = bridge.snapshot.value;
  const { suggestedLocale } = snapshot.context;
  const confirming = snapshot.hasTag('confirming');
  // The machine takes a part only as the answer to "which part was it?".
  const askingPart = bridge.can({ type: 'clarify.part', part: CLARIFY_PARTS[0] });
  if (!confirming && !askingPart && !suggestedLocale) return null;

  return (
    <div class="heard-quick">
      {suggestedLocale && (
        <div class="heard-offer">
          <p class="heard-offer-text">
            {t('language.offer', { language: { key: `language.name.${suggestedLocale}` as MessageKey } })}
          </p>
          <div class="heard-actions">
            <Button onClick={() => bridge.send({ type: 'locale.set', locale: suggestedLocale })}>
              {t('ui.language.switch', { language: { key: `language.name.${suggestedLocale}` as MessageKey } })}
            </Button>
            <Button onClick={() => bridge.send({ type: 'locale.dismiss' })}>
              {t('ui.language.stay')}
            </Button>
          </div>
        </div>
      )}
      {confirming && (
        <div class="heard-actions">
          <Button primary data-autofocus onClick={() => bridge.send({ type: 'restate.confirm' })}>
            {t('ui.restate.yes')}
          </Button>
          <Button onClick={() => bridge.send({ type: 'restate.correct' })}>
            {t('ui.restate.no')}
          </Button>
        </div>
      )}
      {askingPart && (
        <div class="heard-actions">
          {CLARIFY_PARTS.map((part) => (
            <Button key={part} onClick={() => bridge.send({ type: 'clarify.part', part })}>
              {t(partKey(part))}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
