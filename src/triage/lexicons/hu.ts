import type { Lexicon } from './lexicon';

/**
 * Hungarian triage vocabulary. Stems carry most of the weight: Hungarian adds suffixes
 * (`csomag`, `csomagom`, `csomagot`, `csomagomat`), so a stem finds them all.
 */
export const hu: Lexicon = {
  locale: 'hu',
  categories: {
    product: [
      '~termék*', 'hibás*', 'leírás*', 'hősugárzó*', 'vízforraló*', 'mosógép*', 'hűtő*', 'pulóver*', 'címke*', 'fedel*', 'konnektor*', 'dugó*', 'törött', 'eltört', 'tört*', 'sérült*', 'nem működik', 'nem működött', 'nem működő',
      'elromlott', 'romlott', 'minőség*', 'méret*', 'lejárt', 'szavatosság*', 'garanci*', 'jótállás*',
      'alkatrész*', 'szakad*', 'kiszakadt', 'repedt', 'hamisítvány', 'akkumulátor*', 'akku', 'kijelző*', 'töltő*',
      'készülék*', 'cipő*', 'ruha*', 'kabát*', 'laptop*', 'gép*', 'bútor*', 'étel*', 'íze', 'ízű', 'szag*',
      'büdös', 'penész*', 'nem kapcsol be', 'bekapcsol*', 'működés*', 'szétesett', 'anyag*', 'játék*',
    ],
    delivery: [
      'szállítás*', 'kiszállít*', 'csomag*', 'futár*', 'kézbesít*', 'posta*', '~megérkez*', '~érkez*',
      'nem érkezett', 'nem jött meg', 'nem jött', '~rendel*', '~küld*', 'hiányz*', 'nem hozták', 'késik', 'késés*', 'késve', 'késett', 'nyomkövet*', 'küldemény*',
      'szállító*', 'gls', 'foxpost', 'mpl', 'dpd', 'házhoz', 'átvétel*', 'csomagautomata*', 'feladták', 'feladás*',
      'cím', 'címre', 'címem*', 'címet', 'címen', 'szomszéd*', 'postás*', 'kiszállítás', 'nem kaptam meg', 'még mindig nincs meg', 'elveszett',
    ],
    billing: [
      'számla*', 'számlá*', 'számláz*', '~fizet*', '~pénz*', '~visszatérít*', '~visszautal*', 'levon*', 'terhel*',
      'megterhel*', 'ár', 'ára', 'árat', 'árban', 'drága', 'túlszámláz*', 'bankkártya*', 'kártya*', 'utalás*',
      'jóváírás*', 'díj*', 'előfizetés*', 'kupon*', 'kedvezmény*', 'akció*', 'összeg*', 'bank*', 'tranzakció*',
      '~befizet*', '~kifizet*', 'áfa', 'részlet*',
    ],
    staff: [
      'eladó*', 'munkatárs*', 'alkalmazott*', 'ügyintéző*', 'pénztáros*', 'bunkó*', 'udvariatlan*', 'goromba*',
      'modortalan*', 'lekezel*', 'kiabál*', 'rám tette a telefont', 'vádol*', 'vállat vont', 'ordít*', 'flegma*', 'tiszteletlen*', 'viselkedés*', 'hozzáállás*',
      'stílus*', 'bánásmód*', 'bánt*', 'beszélt velem', 'kinevet*', 'üzletvezető*', 'vezető*', 'biztonsági őr*',
      'kolléga*', 'pincér*', 'recepciós*', 'személyzet*', 'dolgozó*', 'megaláz*', 'sértő*', 'lenéz*', 'unott*',
      'rám sem nézett', 'tudomást sem vett', 'letette a telefont', 'lerakta a telefont', 'hölgy*', 'úr', 'srác*',
    ],
    service: [
      'szolgáltatás*', 'ügyfélszolgálat*', 'segítség*', 'időpont*', 'foglalás*', 'sorban', 'várakoz*', 'várni',
      'vártam', 'javítás*', 'szerviz*', 'szerel*', 'telepít*', 'technikus*', 'válasz*', 'nem válaszol*',
      'visszahív*', 'telefonál*', 'szerződés*', 'lemond*', 'internet*', 'net', 'wifi', 'tévé*',
      'áram*', 'szolgáltató*', 'üzlet*', 'bolt*', 'étterem*', 'szálloda*', 'szoba*', 'hívtam',
      'bejelentés*', 'hibabejelentés*',
    ],
    website: [
      'weboldal*', 'honlap*', 'oldal*', 'webshop*', 'alkalmazás*', 'app', 'applikáció*', 'bejelentkez*',
      'jelszó*', 'jelszav*', 'regisztráci*', 'kosár*', 'kosar*', 'gomb*', 'hibaüzenet*', 'link*', 'lefagy*',
      'betölt*', 'nem tölt be', 'rendszer*', 'felület*', 'fiók*', 'online', 'fizetési oldal', 'webes', 'böngésző*', 'kód*',
    ],
  },
  urgency: {
    safety: [
      'tűz', 'tüzet', 'kigyullad*', 'égett', 'megég*', 'leég*', 'füst*', 'robban*', 'áramütés*', 'megrázott',
      'megsérültem', 'megsérült a', 'sérülés*', 'megsebesül*', 'kórház*', 'orvos*', 'allergi*', 'mérgezés*',
      'ételmérgezés*', 'rosszul lettem', 'gyullad*', 'felforrósod*', 'megolvad*', 'megolvaszt*', 'szilánk*', 'rosszul lett', 'hánytam', 'hányt', 'veszélyes*', 'életveszély*',
      'balesetveszély*', 'fulladás*', 'fuldokl*', 'szikráz*', 'túlmeleg*', 'gázszivárgás*', 'mentőt', 'mentők', 'vérzik', 'vérzett', 'vérzés*',
      'megvágta', 'megvágtam', 'üvegszilánk*',
    ],
    legal: [
      'ügyvéd*', 'bíróság*', 'bepere*', 'perel*', 'pert indít*', 'perre', 'perbe', 'feljelent*', 'fogyasztóvédelem*', 'fogyasztóvédelm*',
      'békéltető*', 'jogi lépés*', 'jogi úton', 'jogi útra', 'rendőrség*', 'hatóság*', 'jogász*', 'kártérítés*',
    ],
    fraud: [
      'csalás*', 'chargeback', 'visszaterhelés*', 'jogosulatlan*', 'engedélyem nélkül', 'engedély nélkül',
      'beleegyezésem nélkül', 'ellopták', 'feltört*', 'hackel*', 'adathalász*', 'visszahívatom',
    ],
    high: [
      'sürgős*', 'azonnal*', 'mielőbb', 'minél előbb', 'minél hamarabb', 'holnap*', 'határidő*', 'pénzem*',
      'kétszer vont*', 'kétszer terhel*', 'kétszer levon*', 'kétszer fizet*', 'nem kaptam vissza', 'esküvő*',
      'születésnap*', 'nincs áram', 'nincs fűtés', 'nincs meleg víz', 'nincs internet', 'elvesztettem', 'továbbra is levon*', 'továbbra is terhel*', 'mínusz*', 'ígért*', 'óta nem működik', 'óta nincs',
    ],
    repeat: [
      'többször', 'sokadszor', 'harmadszor', 'másodszor', 'negyedszer', 'újra', 'ismét', 'megint', 'hetek óta',
      'hónapok óta', 'napok óta', 'folyamatosan', 'ismételten', 'sokszor', 'harmadik alkalom*', 'többedszer',
      'még mindig', 'azóta sem', 'már írtam', 'már hívtam', 'már jeleztem', 'kétszer',
    ],
    low: [
      'nem sürgős', 'nem nagy ügy', 'nem nagy dolog', 'csak jelezni', 'csak szólni', 'javaslat*', 'észrevétel*',
      'apróság*', 'kisebb probléma', 'ha ráérnek', 'ráér', 'nem vészes', 'nem tragédia', 'visszajelzés*',
    ],
  },
  mood: {
    insult: [
      'hülye*', 'idióta*', 'barom*', 'kretén*', 'szar', 'szart', 'szarság*', 'szaros*', 'kurva*', 'geci*',
      // Whole words only: without accents `csaló*` would catch `csalódott`, `szemét*` `szemét` (eye).
      'csaló', 'csalók', 'csalókat', 'tolvaj*', 'szemétláda*', 'szemetek', 'szemét banda',
      'nyomorult*', 'béna*', 'balfasz*', 'agyhalott*', 'bunkó*', 'rohadt*', 'banda', 'bagázs',
      'analfabéta*', 'amatőr*', 'inkompetens*',
    ],
    angry: [
      'felháborító*', 'felháborod*', 'dühös*', 'ideges*', 'elfogadhatatlan*', 'botrány*', 'pofátlan*',
      'gyalázat*', 'szégyen*', 'vicc', 'nevetséges*', 'undorító*', 'borzalmas*', 'katasztróf*', 'elegem van',
      'elegem', 'soha többet', 'soha többé', 'szánalmas*', 'átverés*', 'átver*', 'rablás', 'hihetetlen*',
      'tűrhetetlen*', 'arcátlan*', 'legrosszabb', 'förtelmes*', 'rémes*', 'kiakaszt*', 'kiakadt*',
    ],
    upset: [
      'csalódott*', 'csalódás*', 'elégedetlen*', 'bosszant*', 'kellemetlen*', 'szomorú*', 'zavar*',
      'nem vagyok elégedett', 'nem örülök', 'kiábrándító*', 'rossz érzés', 'sajnálatos*', 'aggód*', 'aggaszt*',
      'nem túl jó', 'nem jó', 'rosszul esett', 'nehézség*', 'kár',
    ],
  },
  reluctant: [
    'nem akarok panaszkodni', 'nem szeretnék panaszkodni', 'elnézést a zavarásért', 'bocsánat a zavarásért',
    'nem nagy ügy', 'nem nagy dolog', 'lehet hogy én vagyok', 'talán csak én', 'nem szokásom panaszkodni',
    'csak jelezni szeretném', 'nem szoktam panaszkodni', 'nem akarok problémát', 'nem akarok gondot',
    'elnézést hogy zavarom', 'bocsánat hogy zavarom',
  ],
  months: [
    'január*', 'február*', 'március*', 'április*', 'május*', 'június*', 'július*', 'augusztus*', 'szeptember*',
    'október*', 'november*', 'december*', 'jan', 'febr', 'márc', 'ápr', 'jún', 'júl', 'aug', 'szept', 'okt',
  ],
  days: [
    'tegnap', 'tegnapelőtt', 'hétfő*', 'kedd*', 'szerd*', 'csütörtök*', 'péntek*', 'szombat*', 'vasárnap*',
    'múlt héten', 'múlt hónapban',
  ],
};
