import type { Catalog } from '../translate';

/**
 * Hungarian (Magyar), polite register: "Ön" and the formal third-person verb forms. Follows
 * docs/script.md: open questions ("Tudna egy példát mondani?"), say why a specialist takes
 * over, "Örömmel segítek"; never "szabályzatunk szerint".
 */
export const hu = {
  // greet
  'greet.hello': [
    'Jó napot kívánok! Örömmel segítek.',
    'Üdvözlöm! Örömmel segítek.',
  ],
  'greet.helloName': [
    'Jó napot kívánok, {name}! Örömmel segítek.',
    'Üdvözlöm, {name}! Örömmel segítek.',
  ],
  'greet.welcomeBack': 'Üdvözlöm újra! Köszönöm, hogy ismét felkeresett minket.',
  'greet.welcomeBackName': 'Üdvözlöm újra, {name}! Köszönöm, hogy ismét felkeresett minket.',
  'greet.prompt':
    'Kérem, írja le, mi történt – akár több üzenetben is. Nem szakítom félbe. Ha végzett, válassza az „Ez minden” gombot.',
  // clarify
  'clarify.meaning': 'Köszönöm. Elmondaná egy kicsit részletesebben, mire gondol?',
  'clarify.example': 'Tudna egy példát mondani arra, ami történt?',
  'clarify.part': 'Mire vonatkozik leginkább: a termékre, az árra, a szállításra vagy arra, ahogyan Önnel bántak?',
  'clarify.part.product': 'A termékre',
  'clarify.part.price': 'Az árra',
  'clarify.part.delivery': 'A szállításra',
  'clarify.part.staff': 'Arra, ahogyan velem bántak',
  // restate
  'restate.check': 'Hadd ellenőrizzem, jól értettem-e. {summary} Így van?',
  'restate.quote': 'Ön ezt írta: {points}',
  'restate.correct': 'Köszönöm. Kérem, írja meg, mit értettem félre vagy mi maradt ki, és ha végzett, válassza az „Ez minden” gombot.',
  // empathise
  'empathise.apology': [
    'Sajnálom, hogy ez történt.',
    'Őszintén sajnálom a történteket.',
    'Sajnálom, ennél sokkal jobbat érdemelt volna.',
  ],
  'empathise.empathy': [
    'Megértem, milyen bosszantó lehet ez, és szeretném rendbe hozni.',
    'Értem, miért zaklatta fel ez, és örülök, hogy elmondta nekünk.',
    'Ez bárkit elkeserítene. Nézzük meg, mi hozhatja rendbe.',
  ],
  // askOutcome
  'outcome.ask': 'Milyen megoldás lenne megfelelő az Ön számára?',
  'outcome.unavailable':
    'Megértem, hogy {wanted} szeretne. Ezt itt sajnos nem tudom biztosítani, helyette viszont {alternative} tudok felajánlani. Segítene ez Önnek?',
  'outcome.unavailableNone':
    'Megértem, hogy {wanted} szeretne. Ezt itt sajnos nem tudom biztosítani, de a csapatunk egyik munkatársa megnézi, mit tehetünk még.',
  'outcome.name.refund': 'visszatérítést',
  'outcome.name.replacement': 'csereterméket',
  'outcome.name.exchange': 'cserét',
  'outcome.name.storeCredit': 'vásárlási jóváírást',
  'outcome.name.discount': 'kedvezményt',
  'outcome.name.repair': 'javítást',
  'outcome.name.heard': 'meghallgatást',
  'outcome.name.other': 'valami mást',
  'outcome.label.refund': 'Visszatérítés',
  'outcome.label.replacement': 'Cseretermék',
  'outcome.label.exchange': 'Csere',
  'outcome.label.storeCredit': 'Vásárlási jóváírás',
  'outcome.label.discount': 'Kedvezmény',
  'outcome.label.repair': 'Javítás',
  'outcome.label.heard': 'Csak szerettem volna, ha meghallgatnak',
  'outcome.label.other': 'Valami más',
  // contact
  'contact.ask': 'Hogy ezzel kapcsolatban elérhessük, kérem, adja meg alább az adatait.',
  // commit
  'commit.summary': 'A további lépések: {action} Válaszunkra legkésőbb ekkor számíthat: {due}.',
  'commit.action.refund': 'csapatunk átnézi a panaszát, és a visszatérítéssel kapcsolatban felveszi Önnel a kapcsolatot.',
  'commit.action.replacement': 'csapatunk ellenőrzi a rendelését, és intézi a cseretermék küldését.',
  'commit.action.exchange': 'csapatunk felveszi Önnel a kapcsolatot a csere megszervezéséhez.',
  'commit.action.storeCredit':
    'csapatunk átnézi a panaszát, és a vásárlási jóváírással kapcsolatban felveszi Önnel a kapcsolatot.',
  'commit.action.discount': 'csapatunk átnézi a panaszát, és a kedvezménnyel kapcsolatban felveszi Önnel a kapcsolatot.',
  'commit.action.repair': 'csapatunk felveszi Önnel a kapcsolatot a javítás megszervezéséhez.',
  'commit.action.heard': 'csapatunk egyik munkatársa elolvassa a panaszát, és személyesen válaszol Önnek.',
  'commit.action.other': 'csapatunk egyik munkatársa átnézi a kérését, és személyesen válaszol Önnek.',
  'commit.confirm': 'Ha készen áll, válassza a „Panasz elküldése” gombot.',
  // submitting / thank
  'submit.sending': 'Panaszát küldjük…',
  'thank.sent': [
    'Köszönjük, hogy elmondta. Az ilyen panaszok segítenek abban, hogy mindenkit jobban szolgáljunk ki.',
    'Köszönjük, hogy időt szánt rá, és elmondta. A panasza segít, hogy minden vásárlónk számára jobbak legyünk.',
  ],
  'thank.reference': 'Az ügy azonosítója: {reference}. Legkésőbb ekkor jelentkezünk: {due}.',
  'thank.referenceNoDue': 'Az ügy azonosítója: {reference}.',
  'thank.later': 'Munkatársaink átnézték a panaszát, és a határidő későbbre esik, mint amit korábban jeleztünk. Legkésőbb ekkor jelentkezünk: {due}. Elnézést kérünk a változásért.',
  'thank.queued':
    'Úgy tűnik, nincs internetkapcsolat. A panaszát ezen az eszközön elmentettük, és elküldjük, amint újra online lesz.',
  'thank.rejected':
    'Nem sikerült eljuttatnunk a panaszát a csapatunkhoz. Kérem, másolja ki az alábbi beszélgetést, és juttassa el hozzánk más módon; elnézést kérünk a kellemetlenségért.',
  'thank.storageFailed':
    'Hiba történt a panasz mentése közben. Kérem, próbálja újra; semmi sem veszett el abból, amit írt.',
  'csat.ask': 'Mennyire volt elégedett? A beszélgetést 1-től 5-ig értékelheti.',
  'csat.thanks': 'Köszönjük az értékelését.',
  // handoff
  'handoff.visitor':
    'Természetesen. Átadom az ügyet a csapatunk egyik munkatársának. A teljes beszélgetést látni fogja, így semmit sem kell megismételnie.',
  'handoff.critical':
    'Ez azonnali személyes figyelmet igényel, ezért most átadom a csapatunk egyik munkatársának. A teljes beszélgetést látni fogja, így semmit sem kell megismételnie.',
  'handoff.premium':
    'Átadom az ügyet a csapatunk egyik szakemberének, aki közvetlenül tud segíteni Önnek. A teljes beszélgetést látni fogja, így semmit sem kell megismételnie.',
  'handoff.thank': 'Köszönöm. Az ügy azonosítója: {reference}. Csapatunk egyik munkatársa legkésőbb ekkor felveszi Önnel a kapcsolatot: {due}.',
  // language
  'language.offer': 'Úgy látom, más nyelven ír ({language}). Szeretné ezen a nyelven folytatni?',
  'language.name.en': 'English',
  'language.name.ms': 'Bahasa Melayu',
  'language.name.hu': 'Magyar',
  'language.name.sk': 'Slovenčina',
  // errors
  'error.empty': 'Kérem, előbb írjon valamit.',
  'error.tooLong': 'Ez az üzenet túl hosszú. Kérem, ossza fel több rövidebb üzenetre.',
  'error.full': 'Ez a beszélgetés elérte a megengedett legnagyobb hosszúságot. Kérem, válassza az „Ez minden” gombot, hogy elküldje, amit eddig írt; munkatársaink szükség esetén további részleteket kérnek Öntől.',
  'error.required': 'Kérem, töltse ki ezt a mezőt.',
  'error.email': 'Kérem, adjon meg egy e-mail-címet, például nev@pelda.hu.',
  'error.phone': 'Kérem, adjon meg egy legalább 7 számjegyű telefonszámot, például +36 1 234 5678.',
  'error.otherDetail': 'Kérem, írja le saját szavaival, milyen megoldást szeretne.',
  'error.outcome': 'Kérem, válasszon egyet a lehetőségek közül.',
  'error.rating': 'Kérem, válasszon értékelést 1-től 5-ig.',
  // ui
  'ui.launcher': 'Panasz bejelentése',
  'ui.title': 'Mondja el, mi történt',
  'ui.titleBrand': '{brand}: mondja el, mi történt',
  'ui.close': 'Bezárás',
  'ui.log': 'Beszélgetés',
  'ui.composer.label': 'Az Ön üzenete',
  'ui.composer.placeholder': 'Írja ide az üzenetét…',
  'ui.composer.counter': { one: 'Még {count} karakter írható', other: 'Még {count} karakter írható' },
  'ui.send': 'Küldés',
  'ui.attach': 'Fénykép vagy PDF csatolása',
  'ui.done': 'Ez minden',
  'ui.restate.yes': 'Igen, így van',
  'ui.restate.no': 'Nem egészen',
  'ui.person': 'Beszélnék egy munkatárssal',
  'ui.language': 'Nyelv',
  'ui.language.switch': 'Váltás erre: {language}',
  'ui.language.stay': 'Nem, köszönöm',
  'ui.contact.name': 'Név',
  'ui.contact.email': 'E-mail',
  'ui.contact.phone': 'Telefon',
  'ui.contact.accountRef': 'Rendelés- vagy ügyfélszám',
  'ui.contact.optional': '(nem kötelező)',
  'ui.contact.consent': 'Felvehetik velem a kapcsolatot a panasz nyomon követése érdekében',
  'ui.contact.submit': 'Tovább',
  'ui.contact.privacy': 'Hogyan használjuk az adatait',
  'ui.outcome.detail': 'A saját szavaival',
  'ui.outcome.submit': 'Tovább',
  'ui.outcome.accept': 'Igen, ez segítene',
  'ui.commit.send': 'Panasz elküldése',
  'ui.retry': 'Újrapróbálás',
  'ui.new': 'Újabb panasz bejelentése',
  'ui.copy': 'Beszélgetés másolása',
  'ui.copied': 'Kimásolva',
  'ui.menu': 'Egyéb lehetőségek',
  'ui.erase': 'Adataim törlése erről az eszközről',
  'ui.erase.confirm': 'Törli a piszkozatait, korábbi panaszait és mindent, amit ez a csevegő ezen az eszközön tárol? A hozzánk már megérkezett panaszokat ez nem érinti.',
  'ui.erase.yes': 'Törlés',
  'ui.erase.cancel': 'Mégse',
  'ui.erase.pending': 'Az egyik panasza még elküldésre vár. Az adatait akkor törölheti, amikor a panasz megérkezett hozzánk.',
  'ui.erase.wait': 'Megvárom, aztán törlöm',
  'ui.erase.waiting': 'Várjuk, hogy a panasza elküldésre kerüljön. Az adatait azonnal töröljük, amint megérkezett hozzánk.',
  'ui.erase.done': 'Az adatait töröltük erről az eszközről.',
  'ui.erase.ok': 'Rendben',
  'ui.rating': 'A beszélgetés értékelése',
  'ui.rating.value': { one: '{count} csillag az 5-ből', other: '{count} csillag az 5-ből' },
  'ui.you': 'Ön',
  'ui.bot': '{brand}',
  'ui.botDefault': 'Ügyfélszolgálat',
  'status.received': 'Megkaptuk panaszát (azonosító: {reference}).',
  'status.progress': 'Már foglalkozunk panaszával (azonosító: {reference}).',
  'status.due': 'Legkésőbb ekkor válaszolunk: {due}.',
  'status.moved': 'Ezt az időpontot módosítanunk kellett. Az ok: „{reason}”',
  'status.resolved': 'Panaszát (azonosító: {reference}) lezártuk. A lezárás ideje: {date}.',
  'status.reply': 'Válaszunkat elküldtük: {date}.',
} satisfies Catalog;
