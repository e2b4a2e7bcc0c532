import type { Catalog } from '../translate';

/**
 * Slovak (Slovenčina), polite register: "Vy" with the courtesy capital (Vám, Váš). Follows
 * docs/script.md: hear them out, apologise and empathise in that order, lead to a resolution,
 * commit to a next step ("Vážim si, že by ste chceli…; čo môžem urobiť, je…"); never "podľa
 * našich pravidiel", never "upokojte sa".
 */
export const sk = {
  // greet
  'greet.hello': [
    'Dobrý deň, rád Vám pomôžem.',
    'Vitajte. Rád Vám pomôžem.',
  ],
  'greet.helloName': [
    'Dobrý deň, {name}, rád Vám pomôžem.',
    'Vitajte, {name}. Rád Vám pomôžem.',
  ],
  'greet.welcomeBack': 'Dobrý deň, ďakujeme, že ste sa nám opäť ozvali.',
  'greet.welcomeBackName': 'Dobrý deň, {name}, ďakujeme, že ste sa nám opäť ozvali.',
  'greet.prompt':
    'Napíšte mi, prosím, čo sa stalo – pokojne aj vo viacerých správach. Nebudem Vás prerušovať. Keď skončíte, zvoľte „To je všetko“.',
  // clarify
  'clarify.meaning': 'Ďakujem. Mohli by ste mi trochu bližšie vysvetliť, čo máte na mysli?',
  'clarify.example': 'Mohli by ste mi uviesť príklad toho, čo sa stalo?',
  'clarify.part': 'Čoho sa to týkalo: výrobku, ceny, doručenia alebo toho, ako sa k Vám správali?',
  'clarify.part.product': 'Výrobku',
  'clarify.part.price': 'Ceny',
  'clarify.part.delivery': 'Doručenia',
  'clarify.part.staff': 'Toho, ako sa ku mne správali',
  // restate
  'restate.check': 'Dovoľte mi overiť si, či som Vám správne porozumel. {summary} Je to tak?',
  'restate.quote': 'Napísali ste: {points}',
  'restate.correct': 'Ďakujem. Napíšte mi, prosím, čo som pochopil nesprávne alebo čo som vynechal, a keď skončíte, zvoľte „To je všetko“.',
  // empathise
  'empathise.apology': [
    'Je mi ľúto, že sa to stalo.',
    'Úprimne sa Vám za to ospravedlňujem.',
    'Je mi ľúto; takúto skúsenosť ste nemali zažiť.',
  ],
  'empathise.empathy': [
    'Chápem, aké nepríjemné to pre Vás musí byť, a chcem to napraviť.',
    'Chápem, prečo Vás to rozrušilo, a som rád, že ste nám o tom povedali.',
    'Toto by sklamalo každého. Poďme spolu nájsť riešenie.',
  ],
  // askOutcome
  'outcome.ask': 'Aké riešenie by Vám vyhovovalo?',
  'outcome.unavailable':
    'Rozumiem, že by ste chceli {wanted}. To Vám tu, žiaľ, ponúknuť nemôžem, namiesto toho Vám však môžem navrhnúť {alternative}. Pomohlo by Vám to?',
  'outcome.unavailableNone':
    'Rozumiem, že by ste chceli {wanted}. To Vám tu, žiaľ, ponúknuť nemôžem, ale kolega z nášho tímu preverí, čo ešte môžeme urobiť.',
  'outcome.name.refund': 'vrátenie peňazí',
  'outcome.name.replacement': 'náhradný tovar',
  'outcome.name.exchange': 'výmenu',
  'outcome.name.storeCredit': 'kredit na nákup',
  'outcome.name.discount': 'zľavu',
  'outcome.name.repair': 'opravu',
  'outcome.name.heard': 'osobnú odpoveď od kolegu',
  'outcome.name.other': 'niečo iné',
  'outcome.label.refund': 'Vrátenie peňazí',
  'outcome.label.replacement': 'Náhradný tovar',
  'outcome.label.exchange': 'Výmena',
  'outcome.label.storeCredit': 'Kredit na nákup',
  'outcome.label.discount': 'Zľava',
  'outcome.label.repair': 'Oprava',
  'outcome.label.heard': 'Chcem len, aby ma niekto vypočul',
  'outcome.label.other': 'Niečo iné',
  // contact
  'contact.ask': 'Aby sme Vás mohli v tejto veci kontaktovať, vyplňte, prosím, nižšie svoje údaje.',
  // commit
  'commit.summary': 'Ďalší postup: {action} Termín našej odpovede: {due}.',
  'commit.action.refund': 'náš tím posúdi Vašu sťažnosť a ozve sa Vám v súvislosti s vrátením peňazí.',
  'commit.action.replacement': 'náš tím skontroluje Vašu objednávku a vybaví náhradný tovar.',
  'commit.action.exchange': 'náš tím Vás bude kontaktovať a dohodne s Vami výmenu.',
  'commit.action.storeCredit': 'náš tím posúdi Vašu sťažnosť a ozve sa Vám v súvislosti s kreditom na nákup.',
  'commit.action.discount': 'náš tím posúdi Vašu sťažnosť a ozve sa Vám v súvislosti so zľavou.',
  'commit.action.repair': 'náš tím Vás bude kontaktovať a dohodne s Vami opravu.',
  'commit.action.heard': 'kolega z nášho tímu si Vašu sťažnosť prečíta a osobne Vám odpovie.',
  'commit.action.other': 'kolega z nášho tímu posúdi Vašu požiadavku a osobne Vám odpovie.',
  'commit.confirm': 'Keď budete chcieť sťažnosť odoslať, zvoľte „Odoslať sťažnosť“.',
  // submitting / thank
  'submit.sending': 'Vaša sťažnosť sa odosiela…',
  'thank.sent': [
    'Ďakujeme, že ste nám to napísali. Sťažnosti ako tá Vaša nám pomáhajú zlepšovať naše služby pre všetkých zákazníkov.',
    'Ďakujeme, že ste si našli čas a napísali nám. Vaša sťažnosť nám pomáha zlepšovať naše služby pre každého zákazníka.',
  ],
  'thank.reference': 'Číslo Vašej sťažnosti je {reference}. Ozveme sa Vám do tohto termínu: {due}.',
  'thank.referenceNoDue': 'Číslo Vašej sťažnosti je {reference}.',
  'thank.later': 'Náš tím si Vašu sťažnosť pozrel a termín je neskorší, než sme Vám uviedli. Ozveme sa Vám do tohto termínu: {due}. Za zmenu sa ospravedlňujeme.',
  'thank.queued':
    'Zdá sa, že ste offline. Vaša sťažnosť je uložená v tomto zariadení a odošle sa, hneď ako budete opäť online.',
  'thank.rejected':
    'Vašu sťažnosť sa nám nepodarilo doručiť nášmu tímu. Skopírujte, prosím, prepis rozhovoru nižšie a pošlite nám ho iným spôsobom; ospravedlňujeme sa za nepríjemnosti.',
  'thank.storageFailed':
    'Pri ukladaní Vašej sťažnosti sa niečo pokazilo. Skúste to, prosím, znova; nič z toho, čo ste napísali, sa nestratilo.',
  'csat.ask': 'Ako hodnotíte tento rozhovor? Ohodnoťte ho, prosím, od 1 do 5.',
  'csat.thanks': 'Ďakujeme za Vaše hodnotenie.',
  // handoff
  'handoff.visitor':
    'Samozrejme. Odovzdám to kolegovi z nášho tímu. Uvidí celý tento rozhovor, takže nebudete musieť nič opakovať.',
  'handoff.critical':
    'Toto musí hneď riešiť niekto z nášho tímu, preto to teraz odovzdávam kolegovi. Uvidí celý tento rozhovor, takže nebudete musieť nič opakovať.',
  'handoff.premium':
    'Odovzdávam to špecialistovi z nášho tímu, ktorý Vám môže pomôcť priamo. Uvidí celý tento rozhovor, takže nebudete musieť nič opakovať.',
  'handoff.thank': 'Ďakujem. Číslo Vašej sťažnosti je {reference}. Kolega z nášho tímu Vás bude kontaktovať do tohto termínu: {due}.',
  // language
  'language.offer': 'Zdá sa, že píšete v inom jazyku ({language}). Chcete pokračovať v tomto jazyku?',
  'language.name.en': 'English',
  'language.name.ms': 'Bahasa Melayu',
  'language.name.hu': 'Magyar',
  'language.name.sk': 'Slovenčina',
  // errors
  'error.empty': 'Najprv, prosím, niečo napíšte.',
  'error.tooLong': 'Táto správa je príliš dlhá. Rozdeľte ju, prosím, na kratšie správy.',
  'error.full': 'Tento rozhovor dosiahol maximálnu dĺžku. Zvoľte, prosím, „To je všetko“, aby ste odoslali, čo ste napísali; náš tím si od Vás v prípade potreby vyžiada ďalšie podrobnosti.',
  'error.required': 'Vyplňte, prosím, toto pole.',
  'error.email': 'Zadajte, prosím, e-mailovú adresu, napríklad meno@priklad.sk.',
  'error.phone': 'Zadajte, prosím, telefónne číslo s aspoň 7 číslicami, napríklad +421 2 1234 5678.',
  'error.otherDetail': 'Napíšte nám, prosím, aké riešenie by Vám vyhovovalo.',
  'error.outcome': 'Vyberte, prosím, jednu z možností.',
  'error.rating': 'Vyberte, prosím, hodnotenie od 1 do 5.',
  // ui
  'ui.launcher': 'Podať sťažnosť',
  'ui.title': 'Povedzte nám, čo sa stalo',
  'ui.titleBrand': '{brand}: povedzte nám, čo sa stalo',
  'ui.close': 'Zavrieť',
  'ui.log': 'Rozhovor',
  'ui.composer.label': 'Vaša správa',
  'ui.composer.placeholder': 'Napíšte svoju správu…',
  'ui.composer.counter': {
    one: 'Zostáva {count} znak',
    few: 'Zostávajú {count} znaky',
    many: 'Zostáva {count} znaku',
    other: 'Zostáva {count} znakov',
  },
  'ui.send': 'Odoslať',
  'ui.attach': 'Priložiť fotku alebo PDF',
  'ui.done': 'To je všetko',
  'ui.restate.yes': 'Áno, je to tak',
  'ui.restate.no': 'Nie celkom',
  'ui.person': 'Hovoriť s človekom',
  'ui.language': 'Jazyk',
  'ui.language.switch': 'Prepnúť na {language}',
  'ui.language.stay': 'Nie, ďakujem',
  'ui.contact.name': 'Meno',
  'ui.contact.email': 'E-mail',
  'ui.contact.phone': 'Telefón',
  'ui.contact.accountRef': 'Číslo objednávky alebo účtu',
  'ui.contact.optional': '(nepovinné)',
  'ui.contact.consent': 'Môžete ma kontaktovať v súvislosti s touto sťažnosťou',
  'ui.contact.submit': 'Pokračovať',
  'ui.contact.privacy': 'Ako používame Vaše údaje',
  'ui.outcome.detail': 'Vlastnými slovami',
  'ui.outcome.submit': 'Pokračovať',
  'ui.outcome.accept': 'Áno, to by pomohlo',
  'ui.commit.send': 'Odoslať sťažnosť',
  'ui.retry': 'Skúsiť znova',
  'ui.new': 'Podať ďalšiu sťažnosť',
  'ui.copy': 'Kopírovať prepis',
  'ui.copied': 'Skopírované',
  'ui.menu': 'Ďalšie možnosti',
  'ui.erase': 'Vymazať moje údaje z tohto zariadenia',
  'ui.erase.confirm': 'Vymazať Vaše koncepty, predchádzajúce sťažnosti a všetko ostatné, čo tento chat uchováva v tomto zariadení? Sťažností, ktoré k nám už dorazili, sa to nedotkne.',
  'ui.erase.yes': 'Vymazať',
  'ui.erase.cancel': 'Zrušiť',
  'ui.erase.pending': 'Jedna Vaša sťažnosť ešte čaká na odoslanie. Vaše údaje bude možné vymazať, keď k nám dorazí.',
  'ui.erase.wait': 'Počkať a potom vymazať',
  'ui.erase.waiting': 'Čaká sa na odoslanie Vašej sťažnosti. Vaše údaje sa vymažú hneď, ako k nám dorazí.',
  'ui.erase.done': 'Vaše údaje v tomto zariadení boli vymazané.',
  'ui.erase.ok': 'OK',
  'ui.rating': 'Ohodnoťte tento rozhovor',
  'ui.rating.value': {
    one: '{count} hviezdička z 5',
    few: '{count} hviezdičky z 5',
    many: '{count} hviezdičky z 5',
    other: '{count} hviezdičiek z 5',
  },
  'ui.you': 'Vy',
  'ui.bot': '{brand}',
  'ui.botDefault': 'Zákaznícka podpora',
  'status.received': 'Vašu sťažnosť {reference} sme prijali.',
  'status.progress': 'Na Vašej sťažnosti {reference} pracujeme.',
  'status.due': 'Odpovieme Vám do tohto termínu: {due}.',
  'status.moved': 'Tento termín sme museli posunúť. Dôvod: „{reason}“',
  'status.resolved': 'Vaša sťažnosť {reference} bola vybavená. Dátum vybavenia: {date}.',
  'status.reply': 'Naša odpoveď ({date}).',
} satisfies Catalog;
