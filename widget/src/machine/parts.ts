import type { Category } from '../triage/types';

/**
 * The parts of the experience a vague complaint can be about, offered as one-tap answers to
 * "which part was it?" (docs/script.md#clarify), in the order shown.
 */
export const CLARIFY_PARTS = ['product', 'price', 'delivery', 'staff'] as const;
export type ClarifyPart = (typeof CLARIFY_PARTS)[number];

/** The triage category each part stands for, used when the visitor's words named none. */
export const PART_CATEGORY: Readonly<Record<ClarifyPart, Category>> = {
  product: 'product',
  price: 'billing',
  delivery: 'delivery',
  staff: 'staff',
};

/** The quick reply a visitor tapped, as the catalog key kept in the conversation. */
export const partKey = (part: ClarifyPart) => `clarify.part.${part}` as const;

/** The part a tapped quick reply stands for, or null for any other line. */
export function partOfKey(key: string | undefined): ClarifyPart | null {
  const part = key?.startsWith('clarify.part.') ? key.slice('clarify.part.'.length) : null;
  return (CLARIFY_PARTS as readonly (string | null)[]).includes(part) ? (part as ClarifyPart) : null;
}
