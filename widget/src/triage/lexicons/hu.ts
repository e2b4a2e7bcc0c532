import type { Lexicon } from './lexicon';

/**
 * Hungarian triage vocabulary. Stems carry most of the weight: Hungarian adds suffixes
 * (`csomag`, `csomagom`, `csomagot`, `csomagomat`), so a stem finds them all.
 */
export const hu: Lexicon = {
  locale: 'hu',
  categories: {
    product:
      '~termék*,hibás*,leírás*,hősugárzó*,vízforraló*,mosógép*,hűtő*,pulóver*,címke*,fedel*,konnektor*,dugó*,' +
      'törött,eltört,tört*,sérült*,nem működik,nem működött,nem működő,elromlott,romlott,minőség*,méret*,lejárt,' +
      'szavatosság*,garanci*,jótállás*,alkatrész*,szakad*,kiszakadt,repedt,hamisítvány,akkumulátor*,akku,kijelző*,' +
      'töltő*,készülék*,cipő*,ruha*,kabát*,laptop*,gép*,bútor*,étel*,íze,ízű,szag*,büdös,penész*,nem kapcsol be,' +
      'bekapcsol*,működés*,szétesett,anyag*,játék*,turmix*,kenyérpirító*,porszívó*,vasaló*,sütő*,lámpa*,izzó*,' +
      'kábel*,fogantyú*,penge*,lötyög*,letört*,eltörött,megrepedt,karcos*,karcolás*,horpad*,összement,összemen*,' +
      'nadrág*,farmer*,csizm*,táská*,táska,matrac*,kanapé*,párna*,útmutató*,használati útmutató,összeszerel*,' +
      'sampon*,krém*,kozmetik*,szín*,asztal*,szék*,képen,fotón,nyers,rossz méret*,silány*,gagyi,polc,polcot,tönkrement*,tönkretett*',
    delivery:
      'szállítás*,kiszállít*,csomag*,futár*,kézbesít*,posta*,~megérkez*,~érkez*,nem érkezett,nem jött meg,' +
      'nem jött,~rendel*,~küld*,hiányz*,nem hozták,késik,késés*,késve,késett,nyomkövet*,küldemény*,szállító*,gls,' +
      'foxpost,mpl,dpd,házhoz,átvétel*,csomagautomata*,feladták,feladás*,cím,címre,címem*,címet,címen,szomszéd*,' +
      'postás*,kiszállítás,nem kaptam meg,még mindig nincs meg,elveszett,doboz*,késedelm*,rossz cím*,csomagpont*,' +
      'packeta,sameday,szállítási,nem vettem át',
    billing:
      'számla*,számláz*,~fizet*,~pénz*,levon*,terhel*,megterhel*,ár,ára,árat,árban,' +
      'drága,túlszámláz*,bankkártya*,kártya*,utalás*,jóváírás*,díj*,előfizetés*,kupon*,kedvezmény*,akció*,összeg*,' +
      'bank*,tranzakció*,~befizet*,~kifizet*,áfa,részlet*,kaució*,letét*,előleg*,leemel*,bankszámla*,' +
      'tarifa*,havidíj*,paypal,revolut,lehúz*,nem kaptam vissza,nem utalták vissza,még nem utalták,' +
      'nem térítették vissza,visszatérítés még,ígért visszatérítés*,ígértek visszatérítés*,visszatérítést ígér*,' +
      'visszatérítés miatt,visszatérítésre vár*,visszautalásra vár*,a pénzt még,a pénzem még,nem jött vissza',
    staff:
      'eladó*,munkatárs*,alkalmazott*,ügyintéző*,pénztáros*,bunkó*,udvariatlan*,goromba*,modortalan*,lekezel*,' +
      'kiabál*,rám tette a telefont,vádol*,vállat vont,ordít*,flegma*,tiszteletlen*,viselkedés*,hozzáállás*,' +
      'stílus*,bánásmód*,bánt*,beszélt velem,kinevet*,üzletvezető*,vezető*,biztonsági őr*,kolléga*,pincér*,' +
      'recepciós*,személyzet*,dolgozó*,megaláz*,sértő*,lenéz*,unott*,rám sem nézett,tudomást sem vett,' +
      'letette a telefont,lerakta a telefont,hölgy*,úr,srác*,nem köszönt,nem figyelt,levegőnek néz*,szavamba vág*,' +
      'közbevág*,rámtette,ügyfélszolgálatos*,operátor*,beszólt,gúnyol*,pimasz*,arrogáns*,szemtelen*,nem segített,' +
      'nem volt segítőkész,kiabált,pénztárosnő*,eladónő*,srác',
    service:
      'szolgáltatás*,ügyfélszolgálat*,segítség*,időpont*,foglalás*,sorban,várakoz*,várni,vártam,javítás*,szerviz*,' +
      'szerel*,telepít*,technikus*,válasz*,nem válaszol*,visszahív*,telefonál*,szerződés*,lemond*,internet*,net,' +
      'wifi,tévé*,áram*,szolgáltató*,üzlet*,bolt*,étterem*,szálloda*,szoba*,hívtam,bejelentés*,hibabejelentés*,' +
      'hívás*,hívom,hívni,telefonon,vonal*,várólist*,várok,várom,vártunk,kiszállás*,nem jött ki,karbantart*,' +
      'takarítás*,asztalt foglal*,asztalfoglalás*,foglalt*,szerelő*',
    website:
      'weboldal*,honlap*,oldal*,webshop*,alkalmazás*,app,applikáció*,bejelentkez*,jelszó*,jelszav*,regisztráci*,' +
      'kosár*,gomb*,hibaüzenet*,link*,lefagy*,betölt*,nem tölt be,rendszer*,felület*,fiók*,online,fizetési oldal,' +
      'webes,böngésző*,kód*,kijelentkez*,kiléptet*,kuponkód*,érvénytelen*,kereső*,keresés*,szűrő*,belépés*,belép*,' +
      'nem enged*,hibakód*,mobilapp*,checkout,site,oldalon',
  },
  cues: {
    safety:
      'tűz,tüzet,kigyullad*,égett,megég*,leég*,füst*,robban*,áramütés*,megrázott,megsérültem,megsérült a,sérülés*,' +
      'megsebesül*,kórház*,orvos*,allergi*,mérgezés*,ételmérgezés*,rosszul lettem,gyullad*,felforrósod*,megolvad*,' +
      'megolvaszt*,szilánk*,rosszul lett,hánytam,hányt,veszélyes*,életveszély*,balesetveszély*,fulladás*,fuldokl*,' +
      'szikráz*,túlmeleg*,gázszivárgás*,mentőt,mentők,vérzik,vérzett,vérzés*,megvágta,megvágtam,üvegszilánk*,' +
      'szikr*,kiütés*,megsérül*,mérgez*,hányás*,áramot rázott,megráz*,égési*,baleset*,felrobban*,leégett,elájul*,' +
      'mentő*',
    legal:
      'ügyvéd*,bíróság*,bepere*,perel*,pert indít*,perre,perbe,feljelent*,fogyasztóvédelem*,fogyasztóvédelm*,' +
      'békéltető*,jogi lépés*,jogi úton,jogi útra,rendőrség*,hatóság*,jogász*,kártérítés*,nébih,népegészségügy*,' +
      'jogaim,jogi*,hatóságnál,panaszt teszek,bíróságra',
    fraud:
      'csalás*,chargeback,visszaterhelés*,jogosulatlan*,engedélyem nélkül,engedély nélkül,beleegyezésem nélkül,' +
      'ellopták,feltört*,hackel*,adathalász*,visszahívatom,nem én vásároltam,nem én fizettem,tudtom nélkül,' +
      'tudtomon kívül,letiltat*,vitat*',
    high:
      'sürgős*,azonnal*,mielőbb,minél előbb,minél hamarabb,holnap*,határidő*,pénzem*,kétszer vont*,' +
      'kétszer terhel*,kétszer levon*,kétszer fizet*,nem kaptam vissza,esküvő*,születésnap*,nincs áram,' +
      'nincs fűtés,nincs meleg víz,nincs internet,elvesztettem,továbbra is levon*,továbbra is terhel*,mínusz*,' +
      'ígért*,óta nem működik,óta nincs,kétszer,két hete,hetek*,még ma,mihamarabb,karácsony*,nyaralás*,utazás*,' +
      'ajándék*,eltűnt,tűnt el,tartoz*,hete',
    repeat:
      'többször,sokadszor,harmadszor,másodszor,negyedszer,újra,ismét,megint,hetek óta,hónapok óta,napok óta,' +
      'folyamatosan,ismételten,sokszor,harmadik alkalom*,többedszer,azóta sem,már írtam,már hívtam,már jeleztem,' +
      'negyedik*,harmadik*,ötödik*,sokadik*,még mindig vár*,még mindig semmi,már megint,ismét írok,újra írok',
    low:
      'nem sürgős,nem nagy ügy,nem nagy dolog,csak jelezni,csak szólni,javaslat*,észrevétel*,kisebb probléma,' +
      'ha ráérnek,ráér,nem vészes,nem tragédia,visszajelzés*,nem gond,nem probléma,semmi gond,nem baj,' +
      'nem nagy baj,csak jelzem,jelezni szeretném,apró*,kicsit,picit,kis hiba,ötlet*,jó lenne ha,ráérnek,' +
      'nem fontos,biztos csak,lehet hogy csak',
    // Whole words only: without accents `csaló*` would catch `csalódott`, `szemét*` `szemét` (eye).
    insult:
      'hülye*,idióta*,barom*,kretén*,szar,szart,szarság*,szaros*,kurva*,geci*,csaló,csalók,csalókat,tolvaj*,' +
      'szemétláda*,szemetek,szemét banda,nyomorult*,béna*,balfasz*,agyhalott*,bunkó*,rohadt*,banda,bagázs,' +
      'analfabéta*,amatőr*,inkompetens*,tahó*,bohóc*,söpredék*,ócska,vacak',
    angry:
      'felháborod*,dühös*,ideges*,elfogadhatatlan*,botrány*,pofátlan*,gyalázat*,szégyen*,vicc,undorító*,' +
      'borzalmas*,katasztróf*,soha többet,soha többé,szánalmas*,átver*,rablás,hihetetlen*,' +
      'tűrhetetlen*,arcátlan*,legrosszabb,förtelmes*,rémes*,kiakaszt*,kiakadt*,gusztustalan*,dühít*,dühöng*,' +
      'mérges*,kiborít*,felháborít*,egy vicc,röhej*,nevetség*',
    upset:
      'mínuszban,mínuszba,nem engedhetem meg,továbbra is levon*,vállat vont,bocsánatot sem,elegem,elegem van,csalódott*,csalódás*,elégedetlen*,bosszant*,kellemetlen*,szomorú*,zavar*,nem vagyok elégedett,nem örülök,' +
      'rossz érzés,sajnálatos*,aggód*,aggaszt*,nem túl jó,nem jó,rosszul esett,nehézség*,kár,csalódtam,sajnos,' +
      'megijed*,ijed*,félek,féltem,idegesít*,frusztrál*,kiábránd*,nem fair,igazságtalan*,időpazarlás*,' +
      'feleslegesen,fáraszt*,belefáradtam,unom,megalázó*,kínos*,rosszul érint*,nem elfogadható,udvariatlan*,' +
      'goromba*,lekezel*',
    mistreated:
      'kiabál*,rám kiabált,ordít*,ordibál*,üvöltöz*,megaláz*,kinevet*,kigúnyol*,gúnyol*,kicsúfol*,lekezel*,' +
      'levegőnek néz*,tudomást sem vett,semmibe vett*,ignorál*,figyelmen kívül hagy*,úgy beszélt velem,' +
      'úgy bánt velem,hülyének néz*,lehülyéz*,letorkol*,beszólt,sértegetett,leüvöltötte',
    lookalike: 'történ*,rendelkez*,anyagi*,szerelem*,színház*,kártyázik',
    reluctant:
      'nem akarok panaszkodni,nem szeretnék panaszkodni,elnézést a zavarásért,bocsánat a zavarásért,nem nagy ügy,' +
      'nem nagy dolog,lehet hogy én vagyok,talán csak én,nem szokásom panaszkodni,csak jelezni szeretném,' +
      'nem szoktam panaszkodni,nem akarok problémát,nem akarok gondot,elnézést hogy zavarom,bocsánat hogy zavarom,' +
      'biztos csak,lehet hogy csak,nem akarok panaszt',
    threat:
      'visszaterhel*,chargeback,nyilvánosság*,közösségi média*,facebook*,sajtó*,újság*,rossz értékelés*',
    contact:
      'írt*,írok,írni,írunk,megírt*,hívt*,hívom,hívtuk,felhívt*,telefonál*,kerest*,megkerest*,reklamál*,jelezt*,jeleztük,e-mail*,email*,üzen*,kérdeztem,érdeklőd*,próbál*,chat*',
    month:
      'január*,február*,március*,április*,május*,június*,július*,augusztus*,szeptember*,október*,november*,' +
      'december*,jan,febr,márc,ápr,jún,júl,aug,szept,okt',
    day:
      'tegnap,tegnapelőtt,hétfő*,kedd*,szerd*,csütörtök*,péntek*,szombat*,vasárnap*,múlt héten,múlt hónapban',
  },
  outcomes: {
    refund:
      'visszatérít*,visszautal*,visszafizet*,pénzvisszafizetés*,pénzem* vissza*,pénzt vissza*,elállás*,elállok',
    replacement:
      'csere*,kicserél*,cserél*,újat,új terméket,újra küld*',
    exchange:
      'becserél*,másik méret*,más méret*,másik szín*,más szín*',
    storeCredit:
      'jóváírás*,levásárol*,utalvány*,ajándékkártya*,kupon*',
    discount:
      'kedvezmény*,árengedmény*,engedmény*,kártérítés*,kompenzáció*',
    repair:
      'javít*,megjavít*,szerviz*',
  },
  entities: {
    references: [
      String.raw`hivatkozási számom|hivatkozasi szamom|hivatkozási szám|hivatkozasi szam|rendelés|rendeles|rendelést|rendelest|rendelésszám|rendelesszam|rendelésem|rendelesem|azonosító|azonosito|számla|szamla|ügyfélszám|ugyfelszam`,
    ],
    referenceNumbers: ['szám|szam'],
    referenceLinks: ['a|az'],
    referenceBefore: ['számú|szamu|sz\\.'],
    currencyEndings: [String.raw`(?:os|ós|ot|ót|ért|nyi|ba|ban|ra|ról|tól|val|s|t)`],
    ago: [
      String.raw`(?:\d{1,2}|egy|két|három|négy|öt|hat|hét|pár|néhány)\s(?:órája|napja|hete|hónapja|éve)`,
      String.raw`(?:\d{1,2}|egy|két|három|négy|öt|hat|hét|pár|néhány)\s(?:órával|nappal|héttel|hónappal|évvel)\sezelőtt`,
    ],
    agoAnchors: ['oraja', 'napja', 'hete', 'honapja', 'eve', 'ezelott'],
    times: [String.raw`\d{1,2}(?:\.\d{2})?\s?órakor`],
    timeSuffixes: ['órakor'],
    timeAfter: ['orakor'],
    timeBefore: [],
    dayBefore: ['mult', 'jovo', 'ezen'],
    dayAfter: ['reggel', 'este', 'delutan', 'delelott', 'ejjel'],
    counts: [
      String.raw`(?:egy|két|három|négy|öt|hat|hét|nyolc|kilenc|tíz)(?:szer|szor|ször)|\d{1,2}-?(?:szer|szor|ször)`,
      String.raw`(?:másod|harmad|negyed|ötöd|hatod)(?:szor|szer|ször)|(?:második|harmadik|negyedik|ötödik|\d{1,2}\.)\salkalommal`,
    ],
    numbers: {
      egy: 1, ket: 2, harom: 3, negy: 4, ot: 5, hat: 6, het: 7, nyolc: 8, kilenc: 9, tiz: 10,
      masod: 2, harmad: 3, negyed: 4, otod: 5, hatod: 6, masodik: 2, harmadik: 3, negyedik: 4, otodik: 5,
    },
    currencies: { euro: 'EUR', 'euró': 'EUR', eurot: 'EUR', 'eurót': 'EUR', forint: 'HUF', forintot: 'HUF', 'eurós': 'EUR', forintos: 'HUF' },
  },
  restatement: {
    greetings: [String.raw`j[oó] napot(?: k[ií]v[aá]nok)?|[uü]dv[oö]zl[oö]m|szia|tisztelt [\p{L}]+`],
    address: ['te', 'ti', 'maga'],
  },
};
