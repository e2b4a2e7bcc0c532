import type { Lexicon } from './lexicon';

/**
 * Slovak triage vocabulary. Stems cover the cases (`zásielk*`: zásielka, zásielku, zásielky)
 * and the negated verbs are listed with their `ne-` prefix (`nedoruč*`).
 */
export const sk: Lexicon = {
  locale: 'sk',
  categories: {
    product:
      '~výrob*,~tovar*,~produkt*,popis*,nezodpoved*,ohrievač*,kanvic*,práčk*,chladničk*,sveter,svetr*,rukáv*,' +
      'obal*,zásuvk*,veko,veka,viečk*,pokazen*,pokazil*,rozbit*,poškoden*,chybn*,vadn*,nefunguje,nefungoval*,nefunkčn*,' +
      'kvalit*,veľkosť*,farb*,expirova*,záruk*,~reklamáci*,prasknut*,prasknut,roztrhan*,batéri*,displej*,' +
      'nabíjačk*,falzifikát*,skazen*,pokazené,nezapne,nejde zapnúť,topánk*,bund*,šaty,mobil*,notebook*,spotrebič*,' +
      'nábyt*,jedl*,chuť,chutí,zápach*,smrdí,pleseň*,materiál*,hračk*,rozpadl*,praskl*,prask*,zlomil*,zlomen*,' +
      'vyblednut*,zrazil*,poškriaban*,mixér*,hriankovač*,vysávač*,žehličk*,rúr*,sporák*,lamp*,žiarovk*,televízor*,' +
      'kábel*,čepeľ*,nôž,rukoväť*,kýve,kýva*,uvoľnen*,odlomil*,odlomen*,ohnut*,srazil*,zrazili,nohavic*,rifl*,' +
      'džíns*,čižm*,kabelk*,taška,tašku,matrac*,gauč*,pohovk*,vankúš*,polička,poličky,návod*,montáž*,šampón*,' +
      'krém*,kozmetik*,fľaš*,stôl,stola,stole,stolom,stolík*,stoličk*,skrink*,mäso,chlieb,nápoj*,surov*,fotk*,obrázk*,lacn*,nekvalitn*,zlá veľkosť',
    delivery:
      'doruč*,nedoruč*,zásielk*,balík*,balíč*,kuriér*,dopravc*,doprav*,pošt*,neprišl*,neprišiel,~prišiel,~prišla,' +
      '~prišlo,~objednávk*,neposlal*,chýba,chýbal*,nedorazil*,dorazil*,mešk*,oneskoren*,sledovan*,packeta,' +
      'zásielkovň*,gls,dpd,sps,adres*,suseda,susedovi,susedov*,odoslan*,expedova*,doručovateľ*,vodič*,výdajn*,' +
      'box*,nedostal som,nedostala som,krabic*,cudzí balík,zlá adresa,zlú adresu,iný balík,dodan*,dodávk*,dovoz*,' +
      'prepravc*,slovenská pošta,packet*',
    billing:
      '~platb*,~zaplat*,~plati*,penia*,peňaz*,faktúr*,účtoval*,účtovan*,vyúčtovan*,strhl*,strhnut*,stiahl*,' +
      'nevrátili peniaze,peniaze nevrátili,peniaze som nedostal*,peniaze mi neprišli,sľúbili vrátenie,' +
      'sľúbené vrátenie,peňazí mi sľúbili,sľúbili mi vrátenie,vrátenie peňazí stále,stále čakám na peniaze,čakám na vrátenie,cena,ceny,cenu,cenou,cene,cien,drah*,kart*,poplat*,predplat*,' +
      'zľav*,kupón*,dobropis*,suma,sumu,sumy,bank*,transakci*,preplat*,dph,splátk*,~účet,~účte,~účtu,' +
      'záloh*,depozit*,účtenk*,bloček,bloč*,naúčtova*,účtova*,mesačn* poplat*,paušál*,tarif*,euro,eur',
    staff:
      'predavač*,personál*,zamestnan*,pracovní*,obsluh*,pokladník*,pokladníčk*,bol nepríjemn*,bola nepríjemn*,' +
      'drz*,arogant*,nezdvoril*,neslušn*,hrub*,kričal*,kričať,zvýšen* hlas*,ignoroval*,správan*,prístup*,vedúc*,' +
      'ochrank*,vysmial*,vysmiala,ponižujúc*,ponížil*,zaobchádz*,operátor*,operátork*,zložil* telefón,obvinil*,' +
      'pokrčil*,čašník*,čašníčk*,recepčn*,kolega,kolegyňa,pán pri,pani pri,zložil*,tykal*,nepríjemn* pani,' +
      'nepríjemn* pán,urazil*,urážl*,poradca,poradkyňa,nevychovan*,neochotn*,skákal* do reči,skákal*,prerušoval*,' +
      'skočil* do reči,vysmia*,zosmiešn*,brigádnik*,nevšímal*,nezaujímal*,predavačk*',
    service:
      'služb*,objednal som sa,objednala som sa,zákaznícky servis,zákaznícka podpora,zákazníck*,podpor*,servis*,' +
      'oprav*,termín*,rezerváci*,čakal*,čaka*,rade,inštalác*,technik*,odpoveď*,neodpoved*,neozval*,ozvať,linka,' +
      'linku,infolink*,zmluv*,zruš*,internet*,wifi,pripojen*,obchod*,predajň*,prevádzk*,reštaurác*,hotel*,izb*,' +
      'telefonoval*,volal*,reklamáci*,volám,zavolaj*,zavolá*,nezavolal*,hovor*,linke,linky,opravár*,inštalatér*,' +
      'elektrikár*,čakan*,údržb*,upratov*,návštev*,rezervova* stôl,rezervácia stola,neozvali',
    website:
      'web*,stránk*,eshop*,e-shop*,aplikáci*,appk*,app,prihlás*,heslo,hesla,heslom,registráci*,košík*,tlačidl*,' +
      'odkaz*,chybov* hlásen*,chybová hláška,nenačíta*,načíta*,systém*,platobn* strán*,spadl*,zamrz*,online,' +
      'prehliadač*,kód*,účet na webe,konto,odhlás*,odhlasuje,obnovi* heslo,neplatn*,vyhľadáv*,filtr*,padá,zamŕza,' +
      'checkout,zľavový kód,stránke,webe',
  },
  cues: {
    safety:
      'požiar*,horí,horel*,zhorel*,dym*,explod*,vybuch*,elektrick* šok*,kopol prúd,kopla elektrina,zranen*,' +
      'poranen*,nemocnic*,lekár*,alergi*,otrava,otravu,otravy,otrávil*,zvracal*,vracal*,nebezpečn*,ohroz*,udus*,' +
      'dusil*,iskr*,prehriev*,prehria*,únik plynu,záchrank*,krvácal*,roztavil*,horieť,črep*,porezal*,popálil*,' +
      'popálen*,sklo v,spálen*,spálenin*,zhorí,roztopil*,vyrážk*,zranil*,popál*,dusí,úraz*,pohotovosť*,dym',
    legal:
      'právnik*,advokát*,súd,súdu,súde,súdom,súdn*,žalob*,zažalujem,zažalovať,trestné oznámenie,políci*,soi,' +
      'obchodn* inšpekci*,inšpekci*,ochrana spotrebiteľa,ochrany spotrebiteľa,právne kroky,právnou cestou,právne,' +
      'spotrebiteľsk*,náhrad* škody,hygien*,regionálny úrad,ombudsman*',
    fraud:
      'podvod,podvodom,podvodne,chargeback,spätné zúčtovanie,neoprávnen*,bez môjho súhlasu,bez súhlasu,ukradnut*,' +
      'odcudzen*,hacknut*,zneužit*,phishing,nie ja,bez môjho vedomia,reklamáci* platb*,spätn* zúčtovan*',
    high:
      'urgentn*,súrn*,okamžite,ihneď,čo najskôr,čím skôr,zajtra,lehot*,stratil* peniaze,prišiel som o peniaze,' +
      'prišla som o peniaze,dvakrát strhl*,strhli dvakrát,strhli mi dvakrát,dvakrát zaplat*,svadb*,narodenin*,' +
      'nemám kúrenie,bez kúrenia,bez teplej vody,bez elektriny,bez internetu,bez pripojenia,moje peniaze,' +
      'svoje peniaze,zobrali ste mi peniaze,strháva*,v mínuse,sľúbil*,dvakrát,týždňami,pred týždňom,do zajtra,' +
      'čo najrýchlejšie,rýchlo,darček*,vianoc*,zmizl*,chýbajú peniaze,dlhujete,dlžíte,nevrátili,stále nevrátili',
    repeat:
      'opäť,znova,znovu,zase,tretíkrát,druhýkrát,štvrtýkrát,viackrát,niekoľkokrát,niekoľko krát,opakovane,týždne,' +
      'týždňov,mesiac,mesiace,mesiacov,už týždeň,neustále,každý raz,stále čakám,stále nič,už som písal,' +
      'už som písala,už som volal,už som volala,tretí krát,druhý krát,veľakrát,stále žiadn*,štvrtý,piaty,' +
      'už štvrtý,už tretíkrát,po niekoľký',
    low:
      'nie je to urgentné,nič vážne,maličkosť,len pre info,len pre informáciu,len som chcel,len som chcela,' +
      'len upozorniť,návrh*,podnet,drobnosť,nie je to súrne,nesúrne,keď budete mať čas,spätná väzba,nevadí,' +
      'to nevadí,nič sa nedeje,trochu,nie je to naliehavé,len info,nápad*,bolo by fajn,bolo by dobré,kedykoľvek,' +
      'nie je to dôležité,nepodstatn*,asi mal len,asi mala len,asi len',
    insult:
      'debil*,idiot*,kretén*,blb*,hlúp*,sprost*,kokot*,hovad*,chuj*,skurv*,zlodej*,podvodník*,amatér*,neschopn*,' +
      'somár*,kreténi,hajzl*,sráč*,do riti,kurv*,jebn*,nevychovan*,dement*,truhl*,šmejd*,šunt*',
    angry:
      'nahnevan*,naštvan*,zúr*,hnev*,neprijateľn*,škandál*,hanba,hanebn*,výsmech,smiešn*,katastrof*,hrôz*,otrasn*,' +
      'príšern*,nechutn*,už nikdy,zlodejina,nehorázn*,drzos*,nepochopiteľn*,šialen*,' +
      'najhorš*,podvod,vrchol,nenormáln*,trápn*,zúfal*,neuveriteľn*,nasr*,vytočen*,besn*,hanbite sa',
    upset:
      'v mínuse,do mínusu,nemôžem si dovoliť,pokrčil plecami,pokrčila plecami,ani neospravedln*,ani sa neospravedln*,mám dosť,mám toho dosť,sklaman*,sklamal*,nespokojn*,nepríjemn*,mrzí,ľúto,žiaľ,bohužiaľ,smutn*,frustr*,nie som spokojn*,nepotešil*,' +
      'znepokoj*,obáv*,komplikáci*,otravn*,zlé,zlý,zlá,štve,štvať,zľak*,vyľak*,bojím,strach*,nervózn*,' +
      'nespravodliv*,strata času,zbytočn*,rozčúl*,nahneval*,ponižujúc*,neslušn*,drz*,ľutujem,škoda',
    mistreated:
      'kričal*,kričať,zvýšen* hlas*,vykrikoval*,vysmial*,vysmiala,vysmieval*,posmieval*,zosmiešn*,ponížil*,' +
      'ponižoval*,ponižujúc*,ignoroval*,nevšímal*,okríkol*,okríkla,zhadzoval*,nadával*,urážal*,urazil*,' +
      'správal* sa ku mne ako,ako k hlupákovi,ako k idiotovi,ako keby som bol,ako keby som bola,akoby som bol,akoby som bola',
    lookalike: 'vrátenie peňazí,vrátiť peniaze,peniaze späť,kartón*,prístup k účtu,prístup do účtu',
    reluctant:
      'nechcem sa sťažovať,nerád sa sťažujem,nerada sa sťažujem,prepáčte že otravujem,prepáčte že ruším,' +
      'prepáčte za vyrušenie,nie je to nič vážne,nič vážne,možno je to mnou,asi je to maličkosť,' +
      'nechcem robiť problémy,nechcem robiť zle,nesťažujem sa často,zvyčajne sa nesťažujem,nechcem otravovať,' +
      'asi mal len,asi mala len,asi len,nechcem byť otravn*',
    threat:
      'reklamáciu platby,reklamácia platby,chargeback,sociálne siete,sociálnych sieťach,médiá,médiám,novinár*,zlú recenziu',
    contact:
      'písal*,napísal*,písať,píšem,volal*,zavolal*,telefonoval*,kontaktoval*,urgoval*,žiadal*,reklamoval*,sťažoval*,ozval*,ozvala,e-mail*,email*,mail*,správ*,pýtal*,skúšal*,chat*',
    month:
      'január*,február*,marc*,apríl*,máj,mája,máji,jún,júna,júni,júl,júla,júli,august*,septemb*,októb*,novemb*,' +
      'decemb*',
    day:
      'včera,predvčerom,pondel*,utor*,stred*,štvrt*,piat*,sobot*,nedeľ*,minulý týždeň,minulý mesiac',
  },
  outcomes: {
    refund:
      'vrátenie peňazí,vrátiť peniaze,vráťte mi peniaze,peniaze späť,refundáci*,vrátenie kúpnej ceny,' +
      'odstúpenie od zmluvy,stornovať objednávku',
    replacement:
      'výmen*,vymeni*,nový kus,nový tovar,náhrad*,poslať znova',
    exchange:
      'inú veľkosť,iná veľkosť,inú farbu,iná farba,vymeniť za',
    storeCredit:
      'dobropis*,kredit*,poukáž*,darčekov* poukáž*',
    discount:
      'zľav*,kompenzáci*,odškodn*',
    repair:
      'oprav*,servis*',
  },
  entities: {
    references: [
      String.raw`objednávk[aeyu]|objednavk[aeyu]|objednávky|faktúr[aeyu]|faktur[aeyu]|zmluv[aeyu]|zákaznícke|zakaznicke`,
    ],
    referenceNumbers: ['č|c|číslo|cislo'],
    referenceLinks: ['je|bolo|bola'],
    referenceBefore: [],
    currencyEndings: [],
    ago: [
      String.raw`pred\s(?:(?:\d{1,2}|dvoma|dvomi|troma|tromi|štyrmi|piatimi|pár|niekoľkými)\s)?(?:hodinou|hodinami|dňom|dňami|týždňom|týždňami|mesiacom|mesiacmi|rokom|rokmi)`,
    ],
    agoAnchors: ['pred'],
    times: [],
    timeSuffixes: ['h', String.raw`hod\.?`, 'hodín'],
    timeAfter: ['h', 'hod', 'hodin'],
    timeBefore: [],
    dayBefore: ['minuly', 'minulu', 'minule', 'minulej', 'minulom', 'minuleho', 'tento', 'tuto', 'toto', 'buduci', 'buducu', 'buduce'],
    dayAfter: ['rano', 'vecer', 'poobede', 'napoludnie', 'popoludni'],
    counts: [
      String.raw`(?:jeden|dva|tri|štyri|päť|šesť|sedem|osem|deväť|desať|\d{1,2}-?)krát|(?:druhý|tretí|štvrtý|piaty|šiesty|siedmy|\d{1,2}\.)\s?(?:krát|raz)`,
    ],
    numbers: {
      jeden: 1, dva: 2, tri: 3, styri: 4, pat: 5, sest: 6, sedem: 7, osem: 8, devat: 9, desat: 10,
      druhy: 2, treti: 3, stvrty: 4, piaty: 5, siesty: 6, siedmy: 7,
    },
    currencies: { eura: 'EUR', 'eurá': 'EUR' },
  },
  restatement: {
    greetings: [String.raw`dobr[yý] de[nň]|dobr[eé] r[aá]no|ahoj`],
    address: ['vy', 'ty', 'ti'],
  },
};
