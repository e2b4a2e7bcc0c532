/**
 * What Heard's server takes from the widget to make and to say a commitment, so the queue's
 * date and the visitor's emails follow the widget's own rules: the date a complaint of some
 * urgency is due within business hours, the script's default hours, and how a promised time is
 * said in the visitor's language. Published as `heard/commitment`, built for Node.
 */
export { computeDueDate } from './machine/dueDate';
export { DEFAULT_SCRIPT_OPTIONS } from './machine/options';
export { formatDue } from './i18n/due';
