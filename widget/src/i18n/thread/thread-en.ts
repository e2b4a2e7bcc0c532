/**
 * English: the lines of a complaint's thread, the source of the thread's keys. They come with
 * the thread's own download, so a visitor without a complaint to follow never fetches them.
 * Same forms as the widget's catalogs: a string, variants, or plural forms (`count`).
 */
export const en = {
  'thread.choose': 'You have several open complaints. Which one would you like to see?',
  'thread.title': 'Your complaint {reference}',
  'thread.log': 'Conversation about your complaint {reference}',
  'thread.team': 'Our team, {date}',
  'thread.you': 'You, {date}',
  'thread.sending': 'Sending…',
  'thread.offline': 'This will be sent when you are back online.',
  'thread.refused': 'We could not take this message. Please try writing it again.',
  'thread.online': 'Someone from our team is online now.',
  'thread.expect': 'No one from our team is online right now. We expect to answer by {due}.',
  'thread.answerable': 'If something is still not right, you can write to us here until {date}, and we will look at it again.',
  'thread.label': 'Write to us about {reference}',
  'thread.send': 'Send',
  'thread.other': 'Write about something else',
  'thread.empty': 'Please write something first.',
  'thread.closed':
    'This complaint can no longer be answered here. You can raise a new complaint about it, and we will link it to {reference}.',
  'thread.new': 'Raise a new complaint about this',
  'thread.unread': { one: 'Raise a complaint, 1 new reply', other: 'Raise a complaint, {count} new replies' },
} as const;
