import type { Catalog } from '../translate';

/**
 * Malay (Bahasa Melayu), polite register with "anda". Follows docs/script.md: listen, restate,
 * apologise sincerely, then empathise; never "berdasarkan dasar kami".
 */
export const ms = {
  // greet
  'greet.hello': [
    'Selamat datang. Saya sedia membantu anda.',
    'Salam sejahtera. Saya sedia membantu anda.',
  ],
  'greet.helloName': [
    'Selamat datang, {name}. Saya sedia membantu anda.',
    'Salam sejahtera, {name}. Saya sedia membantu anda.',
  ],
  'greet.welcomeBack': 'Selamat kembali. Terima kasih kerana menghubungi kami semula.',
  'greet.welcomeBackName': 'Selamat kembali, {name}. Terima kasih kerana menghubungi kami semula.',
  'greet.prompt':
    'Sila ceritakan apa yang berlaku; anda boleh menulis dalam beberapa mesej. Saya tidak akan mencelah. Setelah selesai, pilih “Itu sahaja”.',
  // clarify
  'clarify.meaning': 'Terima kasih. Boleh anda terangkan sedikit lagi apa yang anda maksudkan?',
  'clarify.example': 'Boleh anda berikan contoh apa yang berlaku?',
  'clarify.part': 'Aduan anda berkaitan dengan perkara mana: produk, harga, penghantaran atau layanan yang anda terima?',
  'clarify.part.product': 'Produk',
  'clarify.part.price': 'Harga',
  'clarify.part.delivery': 'Penghantaran',
  'clarify.part.staff': 'Cara saya dilayan',
  // restate
  'restate.check': 'Izinkan saya memastikan bahawa saya faham dengan betul. {summary} Betulkah begitu?',
  'restate.quote': 'Anda menulis: {points}',
  'restate.correct': 'Terima kasih. Sila beritahu saya apa yang saya salah faham atau tertinggal, dan pilih “Itu sahaja” apabila anda selesai.',
  // empathise
  'empathise.apology': [
    'Saya memohon maaf atas apa yang berlaku.',
    'Saya benar-benar memohon maaf tentang perkara ini.',
    'Saya memohon maaf; ini bukan pengalaman yang sepatutnya anda alami.',
  ],
  'empathise.empathy': [
    'Saya faham betapa kecewanya anda, dan saya ingin membantu menyelesaikannya.',
    'Saya faham mengapa perkara ini menyusahkan anda, dan saya berterima kasih kerana anda memberitahu kami.',
    'Sesiapa pun akan kecewa dengan perkara ini. Mari kita cari penyelesaian yang sesuai.',
  ],
  // askOutcome
  'outcome.ask': 'Apakah penyelesaian yang anda inginkan?',
  'outcome.unavailable':
    'Saya faham anda inginkan {wanted}. Malangnya, saya tidak dapat menawarkannya di sini, tetapi saya boleh menawarkan {alternative}. Adakah itu dapat membantu?',
  'outcome.unavailableNone':
    'Saya faham anda inginkan {wanted}. Malangnya, saya tidak dapat menawarkannya di sini, tetapi wakil kami akan melihat apa lagi yang boleh kami lakukan.',
  'outcome.name.refund': 'bayaran balik',
  'outcome.name.replacement': 'barang gantian',
  'outcome.name.exchange': 'pertukaran',
  'outcome.name.storeCredit': 'kredit kedai',
  'outcome.name.discount': 'potongan harga',
  'outcome.name.repair': 'pembaikan',
  'outcome.name.heard': 'didengari',
  'outcome.name.other': 'sesuatu yang lain',
  'outcome.label.refund': 'Bayaran balik',
  'outcome.label.replacement': 'Barang gantian',
  'outcome.label.exchange': 'Pertukaran',
  'outcome.label.storeCredit': 'Kredit kedai',
  'outcome.label.discount': 'Potongan harga',
  'outcome.label.repair': 'Pembaikan',
  'outcome.label.heard': 'Saya cuma mahu didengari',
  'outcome.label.other': 'Sesuatu yang lain',
  // contact
  'contact.ask': 'Supaya kami dapat menghubungi anda tentang perkara ini, sila isi butiran anda di bawah.',
  // commit
  'commit.summary': 'Inilah langkah seterusnya: {action} Anda akan mendapat maklum balas daripada kami selewat-lewatnya {due}.',
  'commit.action.refund': 'pihak kami akan meneliti aduan anda dan menghubungi anda mengenai bayaran balik.',
  'commit.action.replacement': 'pihak kami akan menyemak pesanan anda dan menguruskan barang gantian.',
  'commit.action.exchange': 'pihak kami akan menghubungi anda untuk menguruskan pertukaran.',
  'commit.action.storeCredit': 'pihak kami akan meneliti aduan anda dan menghubungi anda mengenai kredit kedai.',
  'commit.action.discount': 'pihak kami akan meneliti aduan anda dan menghubungi anda mengenai potongan harga.',
  'commit.action.repair': 'pihak kami akan menghubungi anda untuk menguruskan pembaikan.',
  'commit.action.heard': 'wakil kami akan membaca aduan anda dan membalas kepada anda secara peribadi.',
  'commit.action.other': 'wakil kami akan meneliti permintaan anda dan membalas kepada anda secara peribadi.',
  'commit.confirm': 'Apabila anda sudah bersedia, pilih “Hantar aduan”.',
  // submitting / thank
  'submit.sending': 'Aduan anda sedang dihantar…',
  'thank.sent': [
    'Terima kasih kerana memberitahu kami. Aduan seperti ini membantu kami memberikan perkhidmatan yang lebih baik kepada semua pelanggan.',
    'Terima kasih kerana meluangkan masa untuk memberitahu kami. Aduan anda membantu kami memperbaiki perkhidmatan untuk setiap pelanggan.',
  ],
  'thank.reference': 'Nombor rujukan anda ialah {reference}. Kami akan menghubungi anda selewat-lewatnya {due}.',
  'thank.referenceNoDue': 'Nombor rujukan anda ialah {reference}.',
  'thank.later': 'Pasukan kami telah meneliti aduan anda, dan tarikh mereka lewat sedikit daripada yang kami berikan tadi: kami akan menghubungi anda selewat-lewatnya {due}. Kami memohon maaf atas perubahan ini.',
  'thank.queued':
    'Nampaknya anda tiada sambungan internet. Aduan anda telah disimpan pada peranti ini dan akan dihantar sebaik sahaja anda kembali dalam talian.',
  'thank.rejected':
    'Kami tidak dapat menyampaikan aduan anda kepada wakil kami. Sila salin transkrip di bawah dan hantarkannya kepada kami melalui cara lain; kami memohon maaf atas kesulitan ini.',
  'thank.storageFailed':
    'Berlaku masalah semasa menyimpan aduan anda. Sila cuba lagi; semua yang anda tulis masih tersimpan.',
  'csat.ask': 'Bagaimana perkhidmatan kami? Anda boleh menilai perbualan ini daripada 1 hingga 5.',
  'csat.thanks': 'Terima kasih atas penilaian anda.',
  // handoff
  'handoff.visitor':
    'Sudah tentu. Saya akan serahkan perkara ini kepada salah seorang wakil kami. Wakil kami akan dapat melihat keseluruhan perbualan ini, jadi anda tidak perlu mengulanginya.',
  'handoff.critical':
    'Perkara ini memerlukan perhatian segera, jadi saya menyerahkannya kepada salah seorang wakil kami sekarang. Wakil kami akan dapat melihat keseluruhan perbualan ini, jadi anda tidak perlu mengulanginya.',
  'handoff.premium':
    'Saya menyerahkan perkara ini kepada pakar kami yang boleh membantu anda secara terus. Pakar kami akan dapat melihat keseluruhan perbualan ini, jadi anda tidak perlu mengulanginya.',
  'handoff.thank':
    'Terima kasih. Nombor rujukan anda ialah {reference}. Wakil kami akan menghubungi anda selewat-lewatnya {due}.',
  // language
  'language.offer':
    'Nampaknya anda menulis dalam bahasa lain ({language}). Adakah anda ingin meneruskan dalam bahasa tersebut?',
  'language.name.en': 'English',
  'language.name.ms': 'Bahasa Melayu',
  'language.name.hu': 'Magyar',
  'language.name.sk': 'Slovenčina',
  // errors
  'error.empty': 'Sila tulis sesuatu dahulu.',
  'error.tooLong': 'Mesej itu terlalu panjang. Sila pecahkannya kepada beberapa mesej yang lebih pendek.',
  'error.full': 'Perbualan ini telah mencapai had panjangnya. Sila pilih “Itu sahaja” untuk menghantar apa yang telah anda tulis; wakil kami boleh meminta maklumat lanjut daripada anda.',
  'error.required': 'Sila isi ruangan ini.',
  'error.email': 'Sila masukkan alamat e-mel seperti nama@contoh.com.',
  'error.phone': 'Sila masukkan nombor telefon dengan sekurang-kurangnya 7 digit, contohnya +60 3-2123 4567.',
  'error.otherDetail': 'Sila beritahu kami penyelesaian yang anda inginkan.',
  'error.outcome': 'Sila pilih salah satu pilihan.',
  'error.rating': 'Sila pilih penilaian daripada 1 hingga 5.',
  // ui
  'ui.launcher': 'Buat aduan',
  'ui.title': 'Beritahu kami apa yang tidak kena',
  'ui.titleBrand': '{brand}: beritahu kami apa yang tidak kena',
  'ui.close': 'Tutup',
  'ui.log': 'Perbualan',
  'ui.composer.label': 'Mesej anda',
  'ui.composer.placeholder': 'Taip mesej anda…',
  'ui.composer.counter': { other: 'Baki {count} aksara' },
  'ui.send': 'Hantar',
  'ui.attach': 'Lampirkan foto atau PDF',
  'ui.done': 'Itu sahaja',
  'ui.restate.yes': 'Ya, betul',
  'ui.restate.no': 'Tidak berapa tepat',
  'ui.person': 'Bercakap dengan wakil kami',
  'ui.language': 'Bahasa',
  'ui.language.switch': 'Tukar ke {language}',
  'ui.language.stay': 'Tidak, terima kasih',
  'ui.contact.name': 'Nama',
  'ui.contact.email': 'E-mel',
  'ui.contact.phone': 'Telefon',
  'ui.contact.accountRef': 'Nombor pesanan atau akaun',
  'ui.contact.optional': '(pilihan)',
  'ui.contact.consent': 'Anda boleh menghubungi saya untuk susulan aduan ini',
  'ui.contact.submit': 'Teruskan',
  'ui.contact.privacy': 'Cara kami menggunakan butiran anda',
  'ui.outcome.detail': 'Dengan kata-kata anda sendiri',
  'ui.outcome.submit': 'Teruskan',
  'ui.outcome.accept': 'Ya, itu boleh membantu',
  'ui.commit.send': 'Hantar aduan',
  'ui.retry': 'Cuba lagi',
  'ui.new': 'Buat aduan lain',
  'ui.copy': 'Salin transkrip',
  'ui.copied': 'Disalin',
  'ui.menu': 'Lagi pilihan',
  'ui.erase': 'Padam data saya pada peranti ini',
  'ui.erase.confirm': 'Padam draf, aduan lepas anda dan semua yang lain yang disimpan oleh sembang ini pada peranti ini? Aduan yang sudah sampai kepada kami tidak terjejas.',
  'ui.erase.yes': 'Padam',
  'ui.erase.cancel': 'Batal',
  'ui.erase.pending': 'Salah satu aduan anda masih menunggu untuk dihantar. Data anda boleh dipadam sebaik sahaja aduan itu sampai kepada kami.',
  'ui.erase.wait': 'Tunggu, kemudian padam',
  'ui.erase.waiting': 'Menunggu aduan anda dihantar. Data anda akan dipadam sebaik sahaja aduan itu sampai kepada kami.',
  'ui.erase.done': 'Data anda pada peranti ini telah dipadam.',
  'ui.erase.ok': 'OK',
  'ui.rating': 'Nilai perbualan ini',
  'ui.rating.value': { other: '{count} bintang daripada 5' },
  'ui.you': 'Anda',
  'ui.bot': '{brand}',
  'ui.botDefault': 'Khidmat pelanggan',
  'status.received': 'Kami telah menerima aduan anda {reference}.',
  'status.progress': 'Aduan anda {reference} sedang kami uruskan.',
  'status.due': 'Kami menjangka dapat memberi jawapan selewat-lewatnya {due}.',
  'status.moved': 'Kami terpaksa mengubah tarikh ini. Sebabnya: “{reason}”',
  'status.resolved': 'Aduan anda {reference} telah diselesaikan pada {date}.',
  'status.reply': 'Kami membalas pada {date}.',
} satisfies Catalog;
