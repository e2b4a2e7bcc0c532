import type { Locale } from '../types';

/**
 * The short, common words that tell our languages apart. They stay in the widget for every
 * language, so a visitor writing Malay on an English page is recognised before the Malay
 * lexicon has loaded; the rest of each lexicon comes with its language pack.
 */
export const FUNCTION_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  en: [
    'the', 'and', 'is', 'was', 'were', 'have', 'has', 'had', 'it', 'this', 'that', 'my', 'me', 'you', 'your',
    'not', 'with', 'for', 'of', 'to', 'on', 'at', 'from', 'but', 'they', 'them', 'their', 'what', 'why', 'when',
    'would', 'could', 'should', 'been', 'still', 'just', 'did', 'didnt', 'dont', 'doesnt', 'wasnt', 'im', 'ive',
    'its', 'there', 'which', 'who', 'an', 'are', 'be', 'no', 'very', 'after', 'because', 'we', 'our', 'got', 'get',
    'said', 'told', 'asked', 'never', 'about', 'can', 'cant', 'will', 'wont', 'any', 'all', 'so', 'if', 'or',
    'here', 'now', 'please', 'thanks', 'hello', 'hi',
  ],
  ms: [
    'saya', 'sy', 'aku', 'anda', 'awak', 'kami', 'kita', 'dia', 'mereka', 'yang', 'yg', 'dan', 'tidak', 'tak',
    'dah', 'sudah', 'belum', 'blm', 'lagi', 'ini', 'itu', 'ni', 'ke', 'dari', 'daripada', 'dengan', 'dgn',
    'untuk', 'utk', 'pada', 'dalam', 'dlm', 'ada', 'nak', 'mahu', 'boleh', 'tapi', 'tetapi', 'tpi', 'kerana',
    'sebab', 'sbb', 'sangat', 'juga', 'sahaja', 'saja', 'lah', 'pun', 'kenapa', 'bila', 'macam', 'apa', 'mana',
    'masih', 'telah', 'akan', 'oleh', 'tolong', 'minta', 'encik', 'puan', 'kat', 'di', 'sampai', 'hari', 'kali',
    'sekarang', 'selepas', 'lepas', 'semua', 'tiada', 'takde', 'xde', 'mcm', 'terima', 'kasih', 'pihak',
  ],
  // Left out on purpose: words that are also common in the other languages we detect
  // (`a`, `is`, `most`, `hat`, `ma`, `mi`).
  hu: [
    'és', 'hogy', 'nem', 'van', 'volt', 'meg', 'már', 'de', 'egy', 'az', 'ez', 'azt', 'ezt', 'mert', 'csak',
    'nagyon', 'sem', 'sincs', 'nincs', 'lett', 'vagy', 'után', 'mint', 'amikor', 'miért', 'hol', 'én', 'ön',
    'önök', 'nekem', 'engem', 'kérem', 'köszönöm', 'szeretném', 'szeretnék', 'lenne', 'volna', 'kell', 'pedig',
    'aztán', 'mikor', 'semmi', 'valami', 'ami', 'aki', 'akkor', 'tegnap', 'itt', 'ott', 'igen', 'napja', 'óta',
    'kaptam', 'kaptunk', 'rendeltem', 'nekünk', 'mindig', 'senki', 'ezért', 'hanem', 'hiszen', 'viszont',
    'jó', 'rossz', 'napot', 'kívánok', 'üdvözlettel', 'tisztelt', 'szia', 'sajnos', 'azóta', 'mégis', 'úgy',
  ],
  // Left out on purpose: words that are also common in the other languages we detect
  // (`a`, `to`, `do`, `so`, `ma`, `tak`, `je` stays: it is rare in chat Malay).
  sk: [
    'som', 'si', 'sa', 'je', 'sú', 'bol', 'bola', 'bolo', 'boli', 'nie', 'ani', 'že', 'ale', 'aj', 'alebo',
    'ktorý', 'ktorá', 'ktoré', 'čo', 'ako', 'prečo', 'kde', 'kedy', 'už', 'ešte', 'len', 'veľmi', 'mám', 'máme',
    'mi', 'mne', 'môj', 'moja', 'moje', 'vás', 'vám', 'vy', 'svoj', 'teda', 'prosím', 'ďakujem', 'ste', 'sme',
    'bude', 'nemám', 'nebol', 'nebola', 'žiadny', 'žiadna', 'žiadne', 'ten', 'tá', 'tie', 'od', 'na', 'po',
    'pri', 'pre', 'za', 'zo', 'vo', 'aby', 'keď', 'preto', 'lebo', 'potom', 'dnes', 'včera', 'tiež', 'iba',
    'všetko', 'nič', 'nikto', 'dobrý', 'deň', 'dňa', 'dni', 'vôbec', 'stále', 'mňa', 'mojej', 'môjho', 'však',
    'pán', 'pani', 'cez', 'dostal', 'dostala', 'objednal', 'objednala',
  ],
};
