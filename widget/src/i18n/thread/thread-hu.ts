import type { ThreadCatalog } from '../../ui/threadLines';

/** Hungarian: the lines of a complaint's thread. */
export const hu: ThreadCatalog = {
  'thread.choose': 'Több nyitott panasza is van. Melyiket szeretné megnézni?',
  'thread.title': 'Panasza (azonosító: {reference})',
  'thread.log': 'Beszélgetés a panaszáról (azonosító: {reference})',
  'thread.team': 'Csapatunk, {date}',
  'thread.you': 'Ön, {date}',
  'thread.sending': 'Küldés folyamatban…',
  'thread.offline': 'Elküldjük, amint újra van internetkapcsolata.',
  'thread.refused': 'Ezt az üzenetet nem tudtuk fogadni. Kérem, próbálja meg újra megírni.',
  'thread.online': 'Csapatunk egyik tagja most elérhető.',
  'thread.expect': 'Csapatunkból most senki sem elérhető. Legkésőbb ekkor válaszolunk: {due}.',
  'thread.answerable': 'Ha még mindig nincs minden rendben, eddig írhat nekünk itt: {date}, és újra megvizsgáljuk.',
  'thread.label': 'Írjon nekünk erről: {reference}',
  'thread.send': 'Küldés',
  'thread.other': 'Másról szeretnék írni',
  'thread.empty': 'Kérem, előbb írjon valamit.',
  'thread.closed':
    'Erre a panaszra itt már nem lehet válaszolni. Bejelenthet róla új panaszt, és azt összekapcsoljuk ezzel: {reference}.',
  'thread.new': 'Új panasz bejelentése erről',
  'thread.unread': { one: 'Panasz bejelentése, 1 új válasz', other: 'Panasz bejelentése, {count} új válasz' },
};
