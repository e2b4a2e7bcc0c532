import type { Catalog } from '../translate';

/**
 * Malay (Bahasa Melayu), polite register with "anda". Follows docs/script.md: listen, restate,
 * apologise sincerely, then empathise; never "berdasarkan dasar kami".
 */
export const ms = {
  // greet
  'greet.hello': ['Helo. Saya sedia membantu anda.', 'Selamat datang. Saya sedia membantu anda.'],
  'greet.helloName': ['Helo {name}. Saya sedia membantu anda.', 'Selamat datang, {name}. Saya sedia membantu anda.'],
  'greet.welcomeBack': 'Selamat kembali. Gembira dapat mendengar daripada anda lagi.',
  'greet.welcomeBackName': 'Selamat kembali, {name}. Gembira dapat mendengar daripada anda lagi.',
  'greet.prompt':
    'Sila ceritakan apa yang berlaku, dalam seberapa banyak mesej yang anda mahu. Saya tidak akan mencelah. Apabila anda sudah selesai, pilih “Itu sahaja”.',
  // clarify
  'clarify.meaning': 'Terima kasih. Boleh anda terangkan sedikit lagi apa yang anda maksudkan?',
  'clarify.example': 'Boleh anda berikan contoh apa yang berlaku?',
  'clarify.part': 'Perkara ini berkaitan dengan bahagian yang mana: produk, harga, penghantaran, atau cara anda dilayan?',
  'clarify.part.product': 'Produk',
  'clarify.part.price': 'Harga',
  'clarify.part.delivery': 'Penghantaran',
  'clarify.part.staff': 'Cara saya dilayan',
  // restate
  'restate.check': 'Izinkan saya pastikan saya faham. {summary} Betulkah begitu?',
  'restate.correct': 'Terima kasih. Sila beritahu saya apa yang saya salah faham atau tertinggal, dan pilih “Itu sahaja” apabila anda selesai.',
  // empathise
  'empathise.apology': [
    'Saya memohon maaf atas apa yang berlaku.',
    'Saya benar-benar memohon maaf tentang perkara ini.',
    'Saya memohon maaf; ini bukan pengalaman yang sepatutnya anda alami.',
  ],
  'empathise.empathy': [
    'Saya faham betapa mengecewakan perkara ini, dan saya mahu membetulkannya.',
    'Saya faham mengapa perkara ini menyusahkan anda, dan saya berterima kasih kerana anda memberitahu kami.',
    'Sesiapa pun akan kecewa dengan perkara ini. Mari kita cari cara untuk membetulkannya.',
  ],
  // askOutcome
  'outcome.ask': 'Apakah yang boleh kami lakukan untuk membetulkan perkara ini bagi anda?',
  'outcome.askOther': 'Sila beritahu dengan kata-kata anda sendiri apa yang akan membetulkan perkara ini.',
  'outcome.unavailable':
    'Saya menghargai bahawa anda mahukan {wanted}. Saya tidak dapat menawarkannya di sini. Apa yang saya boleh lakukan ialah {alternative}. Adakah itu membantu?',
  'outcome.unavailableNone':
    'Saya menghargai bahawa anda mahukan {wanted}. Saya tidak dapat menawarkannya di sini, tetapi seorang ahli pasukan kami akan melihat apa lagi yang boleh kami lakukan.',
  'outcome.name.refund': 'pengembalian wang',
  'outcome.name.replacement': 'barang gantian',
  'outcome.name.exchange': 'pertukaran',
  'outcome.name.storeCredit': 'kredit kedai',
  'outcome.name.discount': 'potongan harga',
  'outcome.name.repair': 'pembaikan',
  'outcome.name.heard': 'didengari',
  'outcome.name.other': 'sesuatu yang lain',
  'outcome.label.refund': 'Pengembalian wang',
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
  'commit.action.refund': 'pasukan kami akan menyemak pesanan anda dan menguruskan pengembalian wang anda.',
  'commit.action.replacement': 'pasukan kami akan menyemak pesanan anda dan menguruskan barang gantian.',
  'commit.action.exchange': 'pasukan kami akan menghubungi anda untuk menguruskan pertukaran.',
  'commit.action.storeCredit': 'pasukan kami akan meneliti aduan anda dan menambah kredit kedai ke akaun anda.',
  'commit.action.discount': 'pasukan kami akan meneliti aduan anda dan menghantar potongan harga kepada anda.',
  'commit.action.repair': 'pasukan kami akan menghubungi anda untuk menguruskan pembaikan.',
  'commit.action.heard': 'seorang ahli pasukan kami akan membaca aduan anda dan membalasnya sendiri.',
  'commit.action.other': 'seorang ahli pasukan kami akan meneliti permintaan anda dan membalasnya sendiri.',
  'commit.confirm': 'Apabila anda sudah bersedia, pilih “Hantar aduan”.',
  // submitting / thank
  'submit.sending': 'Aduan anda sedang dihantar…',
  'thank.sent': [
    'Terima kasih kerana memberitahu kami. Aduan seperti ini membantu kami melayani semua pelanggan dengan lebih baik.',
    'Terima kasih kerana meluangkan masa untuk memberitahu kami. Aduan anda membantu kami memperbaiki perkhidmatan untuk setiap pelanggan.',
  ],
  'thank.reference': 'Nombor rujukan anda ialah {reference}. Kami akan menghubungi anda selewat-lewatnya {due}.',
  'thank.referenceNoDue': 'Nombor rujukan anda ialah {reference}.',
  'thank.queued':
    'Nampaknya anda tiada sambungan internet. Aduan anda telah disimpan pada peranti ini dan akan dihantar sebaik sahaja anda kembali dalam talian.',
  'thank.rejected':
    'Kami tidak dapat menyampaikan aduan anda kepada pasukan kami. Sila salin transkrip di bawah dan hantarkannya kepada kami melalui cara lain; kami memohon maaf atas kesulitan ini.',
  'thank.storageFailed':
    'Berlaku masalah semasa menyimpan aduan anda. Sila cuba lagi; tiada apa yang anda tulis telah hilang.',
  'csat.ask': 'Bagaimana perkhidmatan kami? Anda boleh menilai perbualan ini dari 1 hingga 5.',
  'csat.thanks': 'Terima kasih atas penilaian anda.',
  // handoff
  'handoff.visitor':
    'Baiklah. Saya akan serahkan perkara ini kepada seorang ahli pasukan kami. Mereka akan melihat keseluruhan perbualan ini, jadi anda tidak perlu mengulanginya.',
  'handoff.critical':
    'Perkara ini memerlukan perhatian seseorang dengan segera, jadi saya menyerahkannya kepada seorang ahli pasukan kami sekarang. Mereka akan melihat keseluruhan perbualan ini, jadi anda tidak perlu mengulanginya.',
  'handoff.premium':
    'Saya menyerahkan perkara ini kepada pakar dalam pasukan kami yang boleh membantu anda secara terus. Mereka akan melihat keseluruhan perbualan ini, jadi anda tidak perlu mengulanginya.',
  'handoff.language':
    'Saya menyerahkan perkara ini kepada seorang ahli pasukan kami yang boleh membantu dalam bahasa anda. Mereka akan melihat keseluruhan perbualan ini, jadi anda tidak perlu mengulanginya.',
  'handoff.thank': 'Terima kasih. Nombor rujukan anda ialah {reference}. Seorang ahli pasukan kami akan menghubungi anda selewat-lewatnya {due}.',
  // language
  'language.offer': 'Nampaknya anda menulis dalam {language}. Adakah anda mahu meneruskan dalam {language}?',
  'language.name.en': 'English',
  'language.name.ms': 'Bahasa Melayu',
  'language.name.hu': 'Magyar',
  'language.name.sk': 'Slovenčina',
  // errors
  'error.empty': 'Sila tulis sesuatu dahulu.',
  'error.tooLong': 'Mesej itu terlalu panjang. Sila pecahkannya kepada beberapa mesej yang lebih pendek.',
  'error.full': 'Perbualan ini telah mencapai had panjangnya. Sila pilih “Itu sahaja” untuk menghantar apa yang telah anda tulis; pasukan kami boleh meminta maklumat lanjut daripada anda.',
  'error.required': 'Sila isi ruangan ini.',
  'error.email': 'Sila masukkan alamat e-mel seperti nama@contoh.com.',
  'error.phone': 'Sila masukkan nombor telefon dengan sekurang-kurangnya 7 digit, contohnya +60 3-2123 4567.',
  'error.otherDetail': 'Sila beritahu kami apa yang akan membetulkan perkara ini.',
  'error.outcome': 'Sila pilih salah satu pilihan.',
  'error.rating': 'Sila pilih penilaian dari 1 hingga 5.',
  // ui
  'ui.launcher': 'Buat aduan',
  'ui.title': 'Beritahu kami apa yang tidak kena',
  'ui.titleBrand': '{brand}: beritahu kami apa yang tidak kena',
  'ui.close': 'Tutup',
  'ui.log': 'Perbualan',
  'ui.composer.label': 'Mesej anda',
  'ui.composer.placeholder': 'Taip mesej anda…',
  'ui.composer.counter': { other: '{count} aksara lagi' },
  'ui.send': 'Hantar',
  'ui.done': 'Itu sahaja',
  'ui.restate.yes': 'Ya, betul',
  'ui.restate.no': 'Tidak berapa tepat',
  'ui.person': 'Bercakap dengan seseorang',
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
  'ui.outcome.accept': 'Ya, itu membantu',
  'ui.commit.send': 'Hantar aduan',
  'ui.retry': 'Cuba lagi',
  'ui.new': 'Buat aduan lain',
  'ui.copy': 'Salin transkrip',
  'ui.copied': 'Disalin',
  'ui.rating': 'Nilai perbualan ini',
  'ui.rating.value': { other: '{count} bintang daripada 5' },
  'ui.typing': 'Sedang menaip…',
  'ui.you': 'Anda',
  'ui.bot': '{brand}',
  'ui.botDefault': 'Khidmat pelanggan',
  'ui.unsent': 'Belum dihantar',
  'ui.offline': 'Anda di luar talian. Aduan anda akan dihantar apabila anda kembali dalam talian.',
  'status.received': 'Kami telah menerima aduan anda {reference}.',
  'status.progress': 'Aduan anda {reference} sedang kami uruskan.',
  'status.due': 'Kami menjangka dapat memberi jawapan selewat-lewatnya {due}.',
  'status.moved': 'Kami terpaksa mengubah tarikh ini: {reason}',
  'status.resolved': 'Aduan anda {reference} telah diselesaikan pada {date}.',
  'status.reply': 'Jawapan kami pada {date}:',
} satisfies Catalog;
