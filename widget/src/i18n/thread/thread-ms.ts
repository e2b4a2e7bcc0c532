import type { ThreadCatalog } from '../../ui/threadLines';

/** Malay: the lines of a complaint's thread. */
export const ms: ThreadCatalog = {
  'thread.choose': 'Anda mempunyai beberapa aduan yang masih dibuka. Aduan yang mana ingin anda lihat?',
  'thread.title': 'Aduan anda {reference}',
  'thread.log': 'Perbualan tentang aduan anda {reference}',
  'thread.team': 'Pasukan kami, {date}',
  'thread.you': 'Anda, {date}',
  'thread.sending': 'Sedang dihantar…',
  'thread.offline': 'Mesej ini akan dihantar apabila anda kembali dalam talian.',
  'thread.refused': 'Kami tidak dapat menerima mesej ini. Sila cuba menulisnya sekali lagi.',
  'thread.online': 'Seorang ahli pasukan kami sedang dalam talian sekarang.',
  'thread.expect': 'Tiada ahli pasukan kami dalam talian sekarang. Kami menjangka dapat memberi jawapan selewat-lewatnya {due}.',
  'thread.answerable': 'Jika masih ada yang tidak kena, anda boleh menulis kepada kami di sini sehingga {date}, dan kami akan menelitinya semula.',
  'thread.label': 'Tulis kepada kami tentang {reference}',
  'thread.send': 'Hantar',
  'thread.other': 'Tulis tentang perkara lain',
  'thread.empty': 'Sila tulis sesuatu dahulu.',
  'thread.closed':
    'Aduan ini tidak boleh dijawab di sini lagi. Anda boleh membuat aduan baharu mengenainya, dan kami akan mengaitkannya dengan {reference}.',
  'thread.new': 'Buat aduan baharu mengenai perkara ini',
  'thread.unread': { other: 'Buat aduan, {count} balasan baharu' },
};
