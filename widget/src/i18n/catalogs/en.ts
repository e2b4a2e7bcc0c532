/**
 * English: the source catalog. Every line the bot says and every label a visitor sees.
 *
 * An entry is a string, a list of variants (one is chosen per conversation so the bot does
 * not sound canned), or plural forms keyed by `Intl.PluralRules` category (`count` param).
 * Placeholders are `{name}`. Lines never judge the facts of the complaint (docs/script.md#empathise).
 */
export const en = {
  // greet
  'greet.hello': ['Hello. I’m here to help.', 'Hi there. I’m here to help.'],
  'greet.helloName': ['Hello, {name}. I’m here to help.', 'Hi, {name}. I’m here to help.'],
  'greet.welcomeBack': 'Welcome back. Thank you for getting in touch again.',
  'greet.welcomeBackName': 'Welcome back, {name}. Thank you for getting in touch again.',
  'greet.prompt':
    'Please tell me what happened, in as many messages as you like. I won’t interrupt. When you have said everything, choose “That’s everything”.',
  // clarify: open questions (docs/script.md#clarify)
  'clarify.meaning': 'Thank you. Could you tell me a little more about what you mean?',
  'clarify.example': 'Could you give me an example of what happened?',
  'clarify.part': 'Which part was it about: the product, the price, the delivery, or how you were treated?',
  'clarify.part.product': 'The product',
  'clarify.part.price': 'The price',
  'clarify.part.delivery': 'The delivery',
  'clarify.part.staff': 'How I was treated',
  // restate (docs/script.md#restate)
  'restate.check': 'Let me check that I have understood. {summary} Is that right?',
  'restate.quote': 'You wrote: {points}',
  'restate.correct': 'Thank you. Please tell me what I got wrong or missed, and choose “That’s everything” when you are done.',
  // empathise: apology first, then empathy (docs/script.md#empathise)
  'empathise.apology': [
    'I’m sorry this happened.',
    'I’m truly sorry about this.',
    'I’m sorry; this is not the experience you should have had.',
  ],
  'empathise.empathy': [
    'I understand how frustrating this must be, and I want to put it right.',
    'I can see why this has upset you, and I’m glad you told us.',
    'Anyone would be disappointed by this. Let’s work out what will put it right.',
  ],
  // askOutcome (docs/script.md#outcome)
  'outcome.ask': 'What would make this right for you?',
  'outcome.unavailable':
    'I understand you’d like {wanted}. I’m afraid I can’t offer that here, but I can offer {alternative} instead. Would that help?',
  'outcome.unavailableNone':
    'I appreciate that you would like {wanted}. I’m not able to offer that here, but a member of our team will look at what else we can do.',
  'outcome.name.refund': 'a refund',
  'outcome.name.replacement': 'a replacement',
  'outcome.name.exchange': 'an exchange',
  'outcome.name.storeCredit': 'store credit',
  'outcome.name.discount': 'a discount',
  'outcome.name.repair': 'a repair',
  'outcome.name.heard': 'to be heard',
  'outcome.name.other': 'something else',
  'outcome.label.refund': 'Refund',
  'outcome.label.replacement': 'Replacement',
  'outcome.label.exchange': 'Exchange',
  'outcome.label.storeCredit': 'Store credit',
  'outcome.label.discount': 'Discount',
  'outcome.label.repair': 'Repair',
  'outcome.label.heard': 'I just wanted to be heard',
  'outcome.label.other': 'Something else',
  // contact (docs/script.md#contact)
  'contact.ask': 'So that we can reach you about this, please fill in your details below.',
  // commit (docs/script.md#commit)
  'commit.summary': 'Here is what happens next: {action} You will hear from us by {due}.',
  'commit.action.refund': 'our team will review your complaint and get back to you about a refund.',
  'commit.action.replacement': 'our team will check your order and get back to you about a replacement.',
  'commit.action.exchange': 'our team will check your order and get back to you about an exchange.',
  'commit.action.storeCredit': 'our team will review your complaint and get back to you about store credit.',
  'commit.action.discount': 'our team will review your complaint and get back to you about a discount.',
  'commit.action.repair': 'our team will check your order and get back to you about a repair.',
  'commit.action.heard': 'a member of our team will read your complaint and reply to you personally.',
  'commit.action.other': 'a member of our team will review your request and reply to you personally.',
  'commit.confirm': 'When you are ready, choose “Send complaint”.',
  // submitting / thank (docs/script.md#thank)
  'submit.sending': 'Sending your complaint…',
  'thank.sent': [
    'Thank you for telling us. Complaints like yours help us do better for everyone.',
    'Thank you for taking the time to tell us. Your complaint helps us improve for every customer.',
  ],
  'thank.reference': 'Your reference is {reference}. We will be in touch by {due}.',
  'thank.referenceNoDue': 'Your reference is {reference}.',
  'thank.later': 'Our team has looked at your complaint and needs longer than we said: we will be in touch by {due}. We are sorry.',
  'thank.queued':
    'You seem to be offline. Your complaint is saved on this device and will be sent as soon as you are back online.',
  'thank.rejected':
    'We could not deliver your complaint to our team. Please copy the transcript below and send it to us another way; we are sorry for the trouble.',
  'thank.storageFailed':
    'Something went wrong while saving your complaint. Please try again; nothing you wrote has been lost.',
  'csat.ask': 'How did we do? You can rate this conversation from 1 to 5.',
  'csat.thanks': 'Thank you for your rating.',
  // handoff (docs/script.md#handoff): say why, early, and that they won't repeat themselves
  'handoff.visitor':
    'Of course. I’ll pass this to a member of our team. They will see this whole conversation, so you will not have to repeat yourself.',
  'handoff.critical':
    'This needs a person’s attention straight away, so I’m passing it to a member of our team now. They will see this whole conversation, so you will not have to repeat yourself.',
  'handoff.premium':
    'I’m passing this to a specialist on our team who can help you directly. They will see this whole conversation, so you will not have to repeat yourself.',
  'handoff.thank': 'Thank you. Your reference is {reference}. A member of our team will contact you by {due}.',
  // language
  'language.offer': 'It looks like you are writing in {language}. Would you like to continue in {language}?',
  'language.name.en': 'English',
  'language.name.ms': 'Bahasa Melayu',
  'language.name.hu': 'Magyar',
  'language.name.sk': 'Slovenčina',
  // errors, by code
  'error.empty': 'Please write something first.',
  'error.tooLong': 'That message is too long. Please split it into shorter messages.',
  'error.full': 'This conversation has reached its length limit. Please choose “That’s everything” to send what you have written; our team can ask you for more.',
  'error.required': 'Please fill this in.',
  'error.email': 'Please enter an email address like name@example.com.',
  'error.phone': 'Please enter a phone number with at least 7 digits, for example +44 20 7946 0958.',
  'error.otherDetail': 'Please tell us what would make this right.',
  'error.outcome': 'Please choose one of the options.',
  'error.rating': 'Please choose a rating from 1 to 5.',
  // ui
  'ui.launcher': 'Raise a complaint',
  'ui.title': 'Tell us what went wrong',
  'ui.titleBrand': '{brand}: tell us what went wrong',
  'ui.close': 'Close',
  'ui.log': 'Conversation',
  'ui.composer.label': 'Your message',
  'ui.composer.placeholder': 'Type your message…',
  'ui.composer.counter': { one: '{count} character left', other: '{count} characters left' },
  'ui.send': 'Send',
  'ui.done': 'That’s everything',
  'ui.restate.yes': 'Yes, that’s right',
  'ui.restate.no': 'Not quite',
  'ui.person': 'Talk to a person',
  'ui.language': 'Language',
  'ui.language.switch': 'Switch to {language}',
  'ui.language.stay': 'No, thanks',
  'ui.contact.name': 'Name',
  'ui.contact.email': 'Email',
  'ui.contact.phone': 'Phone',
  'ui.contact.accountRef': 'Order or account number',
  'ui.contact.optional': '(optional)',
  'ui.contact.consent': 'You may contact me to follow up on this complaint',
  'ui.contact.submit': 'Continue',
  'ui.contact.privacy': 'How we use your details',
  'ui.outcome.detail': 'In your own words',
  'ui.outcome.submit': 'Continue',
  'ui.outcome.accept': 'Yes, that would help',
  'ui.commit.send': 'Send complaint',
  'ui.retry': 'Try again',
  'ui.new': 'Raise another complaint',
  'ui.copy': 'Copy transcript',
  'ui.copied': 'Copied',
  'ui.menu': 'More options',
  'ui.erase': 'Delete my data on this device',
  'ui.erase.confirm': 'Delete your drafts, your past complaints and everything else this chat keeps on this device? Complaints that have already reached us are not affected.',
  'ui.erase.yes': 'Delete',
  'ui.erase.cancel': 'Cancel',
  'ui.erase.pending': 'A complaint of yours is still waiting to be sent. Your data can be deleted once it has reached us.',
  'ui.erase.wait': 'Wait, then delete',
  'ui.erase.waiting': 'Waiting for your complaint to be sent. Your data will be deleted as soon as it has reached us.',
  'ui.erase.done': 'Your data on this device has been deleted.',
  'ui.erase.ok': 'OK',
  'ui.rating': 'Rate this conversation',
  'ui.rating.value': { one: '{count} star out of 5', other: '{count} stars out of 5' },
  'ui.you': 'You',
  'ui.bot': '{brand}',
  'ui.botDefault': 'Support',
  'status.received': 'We have received your complaint {reference}.',
  'status.progress': 'Your complaint {reference} is being looked into.',
  'status.due': 'We expect to answer by {due}.',
  'status.moved': 'We had to move this date. The reason: “{reason}”',
  'status.resolved': 'Your complaint {reference} was resolved on {date}.',
  'status.reply': 'We replied on {date}.',
} as const;
