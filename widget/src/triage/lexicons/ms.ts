import type { Lexicon } from './lexicon';

/** Malay triage vocabulary, including the short forms people type in chat (`yg`, `tak`, `dah`). */
export const ms: Lexicon = {
  locale: 'ms',
  categories: {
    product:
      'rosak,~barang*,~produk*,plug,soket,adaptor,pemanas,cerek,mesin basuh,peti ais,label,tapak,kualiti,cacat,' +
      'pecah,koyak,tak berfungsi,tidak berfungsi,tak boleh guna,tak boleh pakai,tak jalan,saiz,warna,tamat tempoh,' +
      'luput,bocor,bateri,skrin,palsu,tiruan,waranti,jahitan,calar,kemik,retak,basi,berkulat,busuk,tak sama,' +
      'tidak sama,kasut,baju,mesin,kipas,peti sejuk,perabot,makanan,rasa,bau,alat,charger,pengecas,fabrik,kain,' +
      'tak hidup,mati,blender,pengisar,pembakar roti,toaster,periuk,ketuhar,seterika,lampu,mentol,tv,televisyen,' +
      'kabel,bilah,pemegang,goyang,longgar,patah,kecut,luntur,seluar,jaket,beg,tilam,sofa,manual,arahan,syampu,' +
      'krim,kosmetik,botol,meja,kerusi,pembungkusan,roti,minuman,mentah,berbau,kerosakan,cepat rosak,mutu,gambar,tak ori,' +
      'bukan original',
    delivery:
      'penghantaran,hantar*,lambat,lambat sampai,~pesanan,~order,kurang satu,tertinggal,bungkusan,parcel*,pakej,' +
      'kurier,kurir,posmen,pos laju,poslaju,ninja van,jnt,j&t,~tiba,belum sampai,tak sampai,tidak sampai,x sampai,' +
      'lewat,tracking,jejak,alamat,penghantar,rider,shipping,dihantar,tak terima,belum terima,tidak terima,' +
      'tak dapat barang,belum dapat barang,delivery,pos,kotak,depan rumah,jiran,pengiriman,dikirim,lori,van,spx,' +
      'city link,citylink,gdex,dhl,lalamove,delivered,alamat salah,salah alamat,barang orang lain,tersalah hantar,' +
      'salah hantar,~hilang,luar pagar,atas pagar,~status,belum sampai lagi,tak sampai lagi',
    billing:
      '~bayar*,pembayaran,caj,dicaj,bil,invois,resit,~duit,~wang,harga,mahal,belum dapat refund,belum terima refund,' +
      'refund belum,refund masih,tak dapat refund,tiada refund,janji refund,dijanjikan refund,dijanjikan bayaran balik,' +
      'bayaran balik belum,belum terima bayaran balik,belum dapat bayaran balik,duit belum masuk,duit tak masuk,potongan,baucar,kupon,kad kredit,kad debit,debit,bank,transaksi,langganan,yuran,dipotong,' +
      'ditolak,akaun bank,online banking,fpx,tambahan,cukai,sst,baki,caj dua kali,ansuran,terlebih caj,lebih caj,' +
      'terlebih bayar,deposit,cagaran,penyata,pelan,keahlian,bayaran,ewallet,e wallet,' +
      'touch n go,tng,grabpay,duitnow,kad saya,kena potong',
    staff:
      'kakitangan,pekerja,staf,staff,juruwang,kasyier,cashier,jurujual,pengurus,biadap,biadab,kurang ajar,sombong,' +
      'kasar,tak sopan,tidak sopan,menengking,tengking*,jerit*,diabaikan,abaikan,perli,sikap,cara dia cakap,' +
      'pegawai,tak layan,buat tak tahu,muka masam,layan saya,dilayan,layanan,budak kedai,pelayan,akak,abang,' +
      'pakcik,makcik,pengawal,gelak*,ketawa*,hina,menghina,memalukan saya,letak telefon,letak phone,tuduh*,' +
      'budak kaunter,budak tu,minah,mamat,ejen,wakil,operator,potong cakap,tak nak tengok,tak pandang,marah saya,' +
      'herdik*,maki*,sindir*,tak mesra,muka ketat,tak peduli,acuh tak acuh',
    service:
      'perkhidmatan,servis,khidmat pelanggan,customer service,sokongan,temujanji,tempahan,menunggu,tunggu,beratur,' +
      'giliran,pembaikan,baiki,membaiki,pasang,pemasangan,juruteknik,talian,hotline,tiada jawapan,tak jawab,' +
      'tiada balasan,tak balas,tidak balas,kontrak,batal*,pembatalan,call center,pusat panggilan,tiket,wifi,' +
      'internet,unifi,sambungan,line,kedai,cawangan,restoran,hotel,bilik,penerbangan,cs,panggilan,call balik,' +
      'telefon balik,hubungi balik,tukang,tak reply,tiada respon,tak respon,tak angkat,janji temu,aircond,tempah meja,' +
      '~call,~email',
    website:
      'laman web,website,web,aplikasi,app,apps,log masuk,login,kata laluan,password,ralat,error,butang,pautan,' +
      'link,sistem,checkout,troli,cart,otp,kod pengesahan,tak boleh masuk,loading,crash,hang,laman,halaman,' +
      'skrin putih,~online,dalam talian,log keluar,logout,log out,daftar akaun,pendaftaran,kod promo,~kod,' +
      'tidak sah,browser,pelayar,carian,penapis,filter,paparan,reset,page,site,laman utama,~akaun saya',
  },
  cues: {
    safety:
      'kebakaran,terbakar,percikan api,asap,meletup,letupan,renjatan,kejutan elektrik,cedera,kecederaan,luka,' +
      'berdarah,hospital,klinik,alahan,alergi,keracunan,muntah,sakit perut,cirit birit,bahaya,berbahaya,tercekik,' +
      'percikan,terlalu panas,bocor gas,ambulans,kecemasan,melecur,hangus,panas sangat,sangat panas,serpihan kaca,' +
      'percik*,keluar api,ruam,gatal gatal,doktor,bengkak,pengsan,sesak nafas,renjat*,tersengat,cedera*,melecur*,' +
      'kulit melepuh,terbakar*',
    legal:
      'peguam,tindakan undang,undang undang,saman,mahkamah,tribunal,kpdnhep,kpdn,kpdnkk,polis,laporan polis,' +
      'report polis,hak pengguna,akta perlindungan pengguna,tuntutan kecil,tindakan mahkamah,tindakan guaman,' +
      'lawyer,jabatan kesihatan,aduan rasmi,tindakan undang undang,report kpdn,mahkamah tuntutan kecil',
    fraud:
      'penipuan,fraud,chargeback,caj balik,pertikaian,tidak dibenarkan,tanpa kebenaran,tanpa izin,kad dicuri,' +
      'digodam,godam,phishing,transaksi pelik,transaksi yang saya tak buat,dispute,bukan saya yang,' +
      'tak pernah buat,tanpa pengetahuan,kad saya digunakan,dicuri,scammer,lapor pada bank',
    high:
      'segera,secepat mungkin,urgent,esok,tarikh akhir,deadline,kehilangan wang,rugi,duit hilang,duit saya,' +
      'wang saya,caj dua kali,potong dua kali,tolak dua kali,bayar dua kali,belum dapat refund,belum dapat duit,' +
      'masih kena potong,masih dicaj,masih potong,ambil duit,dijanji,janji,internet terputus,terputus sejak,' +
      'akaun kosong,kenduri,majlis,perkahwinan,hari jadi,sewa,tak ada elektrik,tiada elektrik,tiada air,takde air,' +
      'hilang dari akaun,lesap,hari ini juga,hari ni juga,perlukan,hadiah,raya,hari raya,percutian,duit balik,' +
      'tak dapat balik,dijanjikan,dua kali,minggu lepas,sebulan,berminggu',
    repeat:
      'banyak kali,berkali kali,kali ketiga,kali kedua,kali ke,sekali lagi,lagi sekali,berulang,berulang kali,' +
      'masih menunggu,sampai sekarang,masih tunggu,masih belum,dah call,dah telefon,dah email,sudah menghubungi,' +
      'dah hubungi,berminggu,berbulan,minggu lepas,sudah banyak,dah banyak,tiga kali,lagi lagi,dah lama,' +
      'kali keempat,kali kelima,2 kali,5 kali,berkali,setiap kali call',
    low:
      'tak urgent,tidak mendesak,tidak urgent,bukan masalah besar,cadangan,maklum balas,sekadar makluman,' +
      'sekadar memaklumkan,cuma nak beritahu,cuma nak maklumkan,bila ada masa,tak apa,takpe,sikit je,kecil je,' +
      'perkara kecil,tak penting,tidak penting,bukan urgent,tak mengapa,takpa,xpe,x urgent,sekadar,sedikit,' +
      'mungkin dia cuma',
    insult:
      'kurang ajar,bodoh,bodo,bangang,bengap,bebal,sial,babi,celaka,tolol,penipu,pencuri,lembab,bongok,haram jadah,anjing,' +
      'sampah,tak guna,otak letak mana,bahlul,kepala bana,puki*,bangsat,bengong,sengal,penyangak',
    angry:
      'marah,geram,bengang,melampau,teruk,terteruk,hampeh,hampas,menyampah,benci,tipu,scam,keji,jijik,' +
      'tak masuk akal,memalukan,jangan main main,muak,sakit hati,tension,naik angin,panas hati,tak boleh diterima,' +
      'tidak boleh diterima,gila,tak pernah lagi,takkan beli lagi,serik,terlampau,dahsyat,' +
      'sangat teruk,teruk betul,tak datang lagi,takkan datang lagi,takkan order lagi,hangin,naik darah,meluat',
    upset:
      'akaun saya kosong,tak cukup duit,tak mampu,tidak mampu,masih kena potong,masih kena tolak,buat tak tahu,pun tak minta maaf,tak minta maaf pun,mengecewakan,tidak puas hati,tak puas hati,x puas hati,susah hati,risau,bimbang,menyusahkan,tidak selesa,' +
      'terkilan,hampa,frust*,malang,malangnya,sayangnya,leceh,susah,penat,tak puas,kurang memuaskan,' +
      'tidak memuaskan,tak memuaskan,terkejut,takut,cuak,tak adil,tidak adil,buang masa,membuang masa,rugi masa,' +
      'malu,dimalukan,stres,stress,serabut,pening kepala,biadap,kasar,sombong,kecewa*,sedih*',
    mistreated:
      'menengking*,tengking*,ditengking,jerit pada saya,jerit kat saya,menjerit*,marah saya,dimarahi,dimalukan,' +
      'memalukan saya,perli*,diperli,sindir*,disindir,gelak kat saya,gelakkan saya,ketawakan saya,diketawakan,' +
      'abaikan saya,diabaikan,buat tak tahu,tak layan saya,tak dilayan,hina saya,dihina,menghina*,herdik*,' +
      'maki saya,dimaki,layan saya macam,anggap saya',
    lookalike: 'bayaran balik,bayar balik,pulangan wang,saya rasa,sy rasa,aku rasa,rasa macam,rasa seperti,hantar email,hantar emel,hantar mesej,hantar aduan',
    reluctant:
      'tak nak merungut,tidak mahu merungut,bukan nak merungut,maaf mengganggu,maaf ganggu,bukan masalah besar,' +
      'tak mahu besarkan,bukan nak komplen,bukan nak complain,tak nak komplen,mungkin salah saya,' +
      'tak apa sebenarnya,cuma nak maklumkan,sekadar makluman,maaf menyusahkan,bukan nak salahkan,tak nak kecoh,' +
      'mungkin dia,takpe lah,tak apa lah',
    threat:
      'chargeback,pertikaian,pertikaikan,tularkan,viralkan,media sosial,facebook,surat khabar,akhbar',
    contact:
      'hubung*,telefon*,call*,emel*,email*,e-mel*,tulis*,menulis,mesej*,whatsapp*,wassap,ws,adu*,mengadu,tanya*,bertanya,cuba*,chat*,pergi,datang,mesej,hantar mesej,hantar email,hantar emel,dm',
    month:
      'januari,februari,mac,april,mei,jun,julai,ogos,september,oktober,november,disember',
    day:
      'semalam,kelmarin,isnin,selasa,rabu,khamis,jumaat,sabtu,ahad,minggu lepas,bulan lepas',
  },
  outcomes: {
    refund:
      'bayaran balik,pulangan wang,pemulangan wang,refund*,duit balik,wang balik,pulangkan wang,pulangkan duit,' +
      'batalkan pesanan',
    replacement:
      'ganti*,penggantian,yang baru,hantar semula,barang baru',
    exchange:
      'tukar*,pertukaran,saiz lain,warna lain',
    storeCredit:
      'kredit kedai,kredit,baucar*,voucher*,kad hadiah',
    discount:
      'diskaun*,potongan harga,pampasan,rebat*',
    repair:
      'baiki,membaiki,pembaikan,dibaiki,repair*',
  },
  entities: {
    references: [
      'pesanan|akaun|invois|tempahan|rujukan|resit|tiket',
    ],
    referenceNumbers: ['nombor'],
    referenceLinks: ['ialah|adalah|saya|saya ialah|saya adalah'],
    referenceBefore: [],
    currencyEndings: [],
    ago: [
      String.raw`(?:(?:\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|beberapa)\s)?(?:jam|hari|minggu|bulan|tahun)\s(?:yang\s)?(?:lepas|lalu)`,
      String.raw`(?:sejam|sehari|seminggu|sebulan|setahun)\s(?:yang\s)?(?:lepas|lalu)`,
    ],
    agoAnchors: ['lepas', 'lalu'],
    times: [String.raw`(?:pukul|jam)\s\d{1,2}(?:[.:]\d{2})?(?:\s(?:pagi|tengah hari|petang|malam))?`],
    timeSuffixes: [],
    timeAfter: [],
    timeBefore: ['pukul', 'jam'],
    dayBefore: [],
    dayAfter: ['lepas', 'lalu', 'ini', 'depan', 'pagi', 'petang', 'malam'],
    counts: [
      String.raw`sekali|(?:dua|tiga|empat|lima|enam|tujuh|lapan|sembilan|sepuluh|\d{1,2})\skali|kali\s(?:kedua|ketiga|keempat|kelima|keenam|ke-?\d{1,2})`,
    ],
    numbers: {
      sekali: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, lapan: 8, sembilan: 9, sepuluh: 10,
      kedua: 2, ketiga: 3, keempat: 4, kelima: 5, keenam: 6,
    },
    currencies: { ringgit: 'MYR' },
  },
  restatement: {
    greetings: [String.raw`helo|hai|salam|assalamualaikum|selamat (?:pagi|petang|malam|tengah hari)`],
    address: ['kamu', 'korang', 'awak', 'kalian', 'you', 'u'],
    swap: {
      saya: 'anda', sy: 'anda', aku: 'anda', sya: 'anda',
      awak: 'kami', kamu: 'kami', korang: 'kami', you: 'kami', u: 'kami',
    },
  },
};
