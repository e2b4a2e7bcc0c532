import type { Locale } from '../triage/types';

type Key = 'type' | 'size' | 'count' | 'list' | 'remove' | 'photo' | 'file' | 'save' | 'failed';
/** A line about a file: `{name}` and `{n}` (megabytes or files) filled in. */
export type Line = (key: Key, name?: string, n?: number) => string;

/** The lines about the visitor's files and those a thread's lines sent, in every language: few, and only in this download. */
const LINES: Record<Locale, Record<Key, string>> = {
  en: {
    type: '{name} was not attached: only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be.',
    size: '{name} was not attached: a file can be at most {n} MB.',
    count: '{name} was not attached: at most {n} files can go with one message.',
    list: 'Attached files',
    remove: 'Remove {name}',
    photo: 'Photo',
    file: 'File',
    save: 'Download',
    failed: 'The file could not be downloaded. Please try again.',
  },
  ms: {
    type: '{name} tidak dilampirkan: hanya foto (JPEG, PNG, WebP, GIF, HEIC) dan fail PDF yang boleh dilampirkan.',
    size: '{name} tidak dilampirkan: saiz setiap fail tidak boleh melebihi {n} MB.',
    count: '{name} tidak dilampirkan: paling banyak {n} fail boleh dilampirkan bagi setiap mesej.',
    list: 'Fail yang dilampirkan',
    remove: 'Buang {name}',
    photo: 'Foto',
    file: 'Fail',
    save: 'Muat turun',
    failed: 'Fail tidak dapat dimuat turun. Sila cuba lagi.',
  },
  hu: {
    type: '{name} nincs csatolva: csak fénykép (JPEG, PNG, WebP, GIF, HEIC) és PDF-fájl csatolható.',
    size: '{name} nincs csatolva: egy fájl legfeljebb {n} MB lehet.',
    count: '{name} nincs csatolva: egy üzenethez legfeljebb {n} fájl csatolható.',
    list: 'Csatolt fájlok',
    remove: '{name} eltávolítása',
    photo: 'Fénykép',
    file: 'Fájl',
    save: 'Letöltés',
    failed: 'A fájlt nem sikerült letölteni. Kérem, próbálja újra.',
  },
  sk: {
    type: 'Súbor {name} sa nepriložil: priložiť možno len fotky (JPEG, PNG, WebP, GIF, HEIC) a súbory PDF.',
    size: 'Súbor {name} sa nepriložil: maximálna veľkosť súboru je {n} MB.',
    count: 'Súbor {name} sa nepriložil: maximálny počet súborov v jednej správe je {n}.',
    list: 'Priložené súbory',
    remove: 'Odstrániť {name}',
    photo: 'Fotka',
    file: 'Súbor',
    save: 'Stiahnuť',
    failed: 'Súbor sa nepodarilo stiahnuť. Skúste to, prosím, znova.',
  },
};

/** The lines in `locale`, English where it has none. */
export function lines(locale: Locale): Line {
  const own = LINES[locale] ?? LINES.en;
  return (key, name = '', n = 0) => own[key].replace('{name}', () => name).replace('{n}', String(n));
}
