import type { ComplaintContext } from './context';

/** Everything the visitor typed, in order (quick replies they tapped are not their words). */
export const visitorTexts = (context: Pick<ComplaintContext, 'messages'>): string[] =>
  context.messages.filter((m) => m.from === 'visitor' && m.text).map((m) => m.text!);
