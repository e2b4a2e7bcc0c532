/*
 * Heard's public entry: named re-exports only. The one-tag embed (`dist/heard.js`) needs none
 * of this; it is for sites and tools that bundle Heard.
 */
export { mount } from './embed/mount';
export { defineHeardElement } from './embed/element';
export { parseConfig } from './embed/config';
export { complaintMachine } from './machine/everyLanguage';
export { computeDueDate } from './machine/dueDate';
export { DEFAULT_SCRIPT_OPTIONS } from './machine/options';
export { triage, restate } from './triage/public';
export { translate } from './i18n/translate';
export { loadCatalog } from './i18n/load';
export { resolveLocale } from './i18n/locale';
export { buildRecord } from './record/build';
export { transcriptText } from './record/transcript';
export { SCHEMA_VERSION, OUTCOMES } from './record/record';
export { openStore } from './storage/store';
export { createDelivery } from './transport/flush';

// ---------------------------------------------------------------------------------------------
// Types

export type { HeardApi, HeardEvents, HeardEventName } from './embed/api';
export type { HeardWidgetElement } from './embed/element';
export type { WidgetConfig, ConfigProblem } from './embed/config';
export type { ComplaintTag } from './machine/complaintMachine';
export type { ComplaintContext, ComplaintInput, ChatMessage } from './machine/context';
export type { ComplaintEvent, Identity, ContactInput } from './machine/events';
export type { ScriptOptions, BusinessHours, ContactField } from './machine/options';
export type { TriageResult, TriageOptions, Category, Urgency, Mood, CustomerType, Locale, Signal, Entities } from './triage/types';
export type { Catalog, MessageKey, Params } from './i18n/translate';
export type { ComplaintRecord, RatingRecord, Deliverable, OutcomeKind, HandoffReason } from './record/record';
export type { HeardStore, Draft, OutboxItem } from './storage/store';
export type { Delivery, DeliveryOptions } from './transport/flush';
