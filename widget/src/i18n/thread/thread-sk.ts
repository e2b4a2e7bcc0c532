import type { ThreadCatalog } from '../../ui/threadLines';

/** Slovak: the lines of a complaint's thread. */
export const sk: ThreadCatalog = {
  'thread.choose': 'Máte niekoľko otvorených sťažností. Ktorú si chcete pozrieť?',
  'thread.title': 'Vaša sťažnosť {reference}',
  'thread.log': 'Konverzácia o Vašej sťažnosti {reference}',
  'thread.team': 'Náš tím, {date}',
  'thread.you': 'Vy, {date}',
  'thread.sending': 'Odosiela sa…',
  'thread.offline': 'Odošle sa, keď budete znova online.',
  'thread.refused': 'Túto správu sme nemohli prijať. Skúste ju, prosím, napísať znova.',
  'thread.online': 'Niekto z nášho tímu je práve online.',
  'thread.expect': 'Z nášho tímu teraz nie je nikto online. Odpovieme Vám do tohto termínu: {due}.',
  'thread.answerable': 'Ak niečo stále nie je v poriadku, môžete nám tu písať do tohto termínu: {date}. Znova sa na to pozrieme.',
  'thread.label': 'Napíšte nám o sťažnosti {reference}',
  'thread.send': 'Odoslať',
  'thread.other': 'Napísať o niečom inom',
  'thread.empty': 'Najprv, prosím, niečo napíšte.',
  'thread.closed':
    'Na túto sťažnosť tu už nie je možné odpovedať. Môžete o nej podať novú sťažnosť a my ju prepojíme so sťažnosťou {reference}.',
  'thread.new': 'Podať o tom novú sťažnosť',
  'thread.unread': {
    one: 'Podať sťažnosť, 1 nová odpoveď',
    few: 'Podať sťažnosť, {count} nové odpovede',
    other: 'Podať sťažnosť, {count} nových odpovedí',
  },
};
