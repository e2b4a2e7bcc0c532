import type { Lexicon } from './lexicon';

/** English triage vocabulary (see `Lexicon` for the term syntax). */
export const en: Lexicon = {
  locale: 'en',
  categories: {
    product:
      'broken,broke,heater,fridge,freezer,washing machine,dishwasher,microwave,jumper,sweater,sleeve,thread,label,' +
      'ingredients,size,lid,plug,damaged,defect*,faulty,quality,~product*,~item*,stopped working,doesnt work,' +
      'does not work,not working,wont turn on,cracked,ripped,torn,missing parts,too small,too big,' +
      'not as described,expired,mould*,moldy,stain*,leak*,battery,screen,charger,warranty,guarantee,fake,' +
      'counterfeit,fell apart,falls apart,malfunction*,device,zip,zipper,seam*,stitching,material,fabric,shoes,' +
      'jacket,dress,shirt,laptop,headphones,kettle,machine,appliance,toy,furniture,sofa,chair,food,taste*,rotten,' +
      'smell*,stinks,dead pixel*,peel*,faded,shrunk,brok*,toaster,blender,mixer,iron,vacuum,hoover,oven,cooker,' +
      'hob,lamp,bulb,tv,television,cable,blade,handle,wobbl*,loose,snapped,bent,scratch*,dent,dented,shrank,' +
      'shrink*,trousers,jeans,coat,boots,trainers,bag,handbag,mattress,cushion*,shelf,shelves,instructions,manual,' +
      'assembl*,parts,colour,color,fits,sizing,shampoo,cream,cosmetic*,bottle,packaging,meal,chicken,meat,bread,' +
      'drink,table,desk,charge my phone,charging port,charging cable,memory card,undercooked,raw,poor quality,cheap,flimsy,wrong size,wrong colour,photo,picture,pictured,advertised',
    delivery:
      'deliver*,parcel*,package*,shipping,shipment*,shipped,courier*,tracking,tracked,~arriv*,never arrived,' +
      'hasnt arrived,has not arrived,not arrived,didnt arrive,did not arrive,never came,where is my order,' +
      'where is my parcel,sent nothing,never sent,nothing arrived,~order,~ordered,~missing,missing item*,' +
      'item missing,never turned up,dispatch*,postman,post office,left outside,doorstep,neighbour,neighbor,' +
      'in transit,lost in the post,collection point,pickup point,dhl,dpd,ups,fedex,gls,royal mail,evri,hermes,' +
      'driver,postage,address,not received,havent received,never received,didnt receive,still not here,late,' +
      'delay*,lost parcel,wrong address,wrong item,signed for,left at,not delivered,marked as delivered,' +
      'says delivered,van,eta,tracking number,arrival,~box,not moved,courier,yodel,amazon logistics,collection,' +
      'redeliver*',
    billing:
      'charg*,bill,billed,billing,invoice*,payment*,~paid,~pay,~paying,~money,price*,pricing,overcharg*,' +
      'double charged,card,credit card,debit*,subscription*,fee,fees,cost,costs,receipt,transaction*,bank,' +
      'statement,discount*,voucher*,coupon*,vat,renew*,cashback,expensive,price increase,direct debit,deducted,' +
      'taken from my account,balance,instalment*,installment*,charged,deposit,paypal,apple pay,' +
      'google pay,credit,~plan,membership,tax,bank account,debited,taken from,gone from my account,overpaid,' +
      'paid twice,~promo code,pricing error,money taken,no refund,refund not,refund hasnt,refund has not,refund never,' +
      'promised a refund,promised me a refund,waiting for my refund,waiting for a refund,where is my refund,' +
      'not been refunded,not refunded,refund status,refund request,still no refund,refund was approved',
    staff:
      'rude*,staff,employee*,cashier*,shop assistant,sales assistant,salesman,saleswoman,salesperson,manager,' +
      'attitude,behaviour,behavior,shout*,yell*,ignored,ignoring,unprofessional,disrespect*,impolite,arrogant,' +
      'condescending,patronising,patronizing,laughed at,hung up,hang up,the guy,the lady,the woman,the man,waiter,' +
      'waitress,security guard,treated,treat me,talked down,spoke to me,racist,discriminat*,sarcastic,eye roll*,' +
      'rolled her eyes,rolled his eyes,receptionist,colleague,worker*,person at,insulted me,embarrassed me,' +
      'humiliat*,snapped at,short with me,accused me,shrugged,the girl,the boy,the bloke,assistant,agent,advisor,' +
      'adviser,representative,operator,clerk,dismissive,unhelpful,refused to,talked over,interrupt*,mocked,' +
      'swore at,smirk*,his tone,her tone,tone of voice,manners,lectured,belittl*,treated like,member of staff,' +
      'staff member,team member,walked off,walked away',
    service:
      'service,customer service,support,appointment*,booking*,reservation*,waiting,waited,queue*,repair*,install*,' +
      'technician*,engineer,call centre,call center,hotline,helpline,no response,no reply,no answer,' +
      'nobody answered,never got back,get back to me,callback,call back,on hold,ticket,contract,cancel*,response,' +
      'responded,email back,chat,live chat,hours on the phone,connection,internet,broadband,signal,outage,visit,' +
      'maintenance,cleaning,haircut,restaurant,booked a table,reserved a table,table booking,room,hotel,flight,~call,~called,~calls,call me back,' +
      'phone call,hold,wait,plumber,electrician,fitter,no show,didnt show,never showed,customer care,' +
      'customer support,reply,replied,respond*,emails,quote,consultation,cleaner*,course,class,delivery slot',
    website:
      'website,site,web,webpage,app,application,login,log in,logged out,sign in,password,page,checkout,error,' +
      'error message,crash*,bug,buggy,button,link,404,loading,doesnt load,wont load,browser,cart,basket,' +
      'online form,verification code,otp,account locked,locked out,reset,glitch*,freez*,froze,search bar,menu,' +
      '~online,online shop,web shop,webshop,mobile app,logs me out,log out,logged me out,sign up,signup,register*,' +
      'registration,~account,my account,username,promo code,~code,invalid,not accepting,wont accept,form,field,' +
      'dropdown,filter*,search,blank page,timeout,timed out,wont let me,doesnt let me,captcha,checkout page,' +
      'payment page,homepage,url',
  },
  cues: {
    safety:
      'fire,caught fire,smoke,smoking,burn*,explod*,exploded,electric shock,got a shock,injur*,hurt,hospital,' +
      'bleeding,cut my,allergic reaction,allergy,allergic,poison*,food poisoning,choking,choked,dangerous,danger,' +
      'unsafe,hazard*,sparks,sparking,overheat*,melted,gas leak,carbon monoxide,got sick,became ill,vomit*,' +
      'threw up,ambulance,a&e,emergency room,swallowed,glass in,safety,spark*,scald*,blister*,rash,a doctor,gp,' +
      'paramedic*,fumes,electrocut*,nearly killed,could have been killed,sharp edge*,fainted,stitches',
    legal:
      'lawyer*,solicitor*,attorney*,legal action,legal,sue,suing,court,small claims,trading standards,ombudsman,' +
      'consumer protection,report you,lawsuit,police,data protection,gdpr,tribunal,regulator,watchdog,' +
      'citizens advice,legal advice,my rights,consumer rights,county court,letter before action,report this to,' +
      'reporting you',
    fraud:
      'fraud*,chargeback,charge back,stolen card,unauthori*,didnt authorise,didnt authorize,did not authorise,' +
      'did not authorize,identity theft,someone used my card,hacked,phishing,dispute with my bank,disputing,' +
      'dispute the charge,without my permission,without my consent,dispute*,i never made,i didnt make,' +
      'i did not make,not made by me,never authorised,never authorized,card was used,used my card,stolen,' +
      'reported it to my bank,contacting my bank,contacted my bank,raise a dispute',
    high:
      'urgent*,asap,immediately,right now,deadline,tomorrow,tonight,wedding,birthday,double charged,charged twice,' +
      'charged me twice,still no refund,lost my money,out of pocket,overdraft,as soon as possible,need it by,' +
      'time sensitive,money back,havent been refunded,not been refunded,overdrawn,promised,took my money,' +
      'still charging,still taking,still being charged,keep charging,keep taking,hundreds,rent,cant afford,' +
      'without heating,no heating,no hot water,no electricity,no power,no internet,overdue,twice,weeks ago,' +
      'by today,today please,need it today,need this today,need it for,holiday,christmas,anniversary,funeral,' +
      'gift for,present for,owe me,owed,lost money,losing money,cost me,paid for nothing,gone from my,' +
      'taken from my,no refund,still not refunded,money taken,hasnt been refunded',
    repeat:
      'yet again,again and again,happened again,once again,third time,second time,fourth time,several times,' +
      'many times,multiple times,keep calling,kept calling,times now,already contacted,already called,' +
      'already emailed,already complained,still waiting,still havent,still no,for weeks,for months,' +
      'nobody has replied,no one has replied,same problem,same issue,over and over,repeatedly,chased,chasing,' +
      'follow up,three times,four times,three emails,two emails,several emails,numerous,countless,days running,' +
      'in a row,written to you,wrote to you,emailed you,called you,rang you,rang again,phoned again,emailed again,' +
      'my third,my fourth,my fifth,third email*,fourth email*,third call*,fourth call*',
    low:
      'not a big deal,not urgent,no rush,no hurry,minor,small thing,little thing,just wanted to let you know,' +
      'just so you know,fyi,when you get a chance,when you have time,just a heads up,heads up,slightly,a little,' +
      'small issue,nitpick,not a huge problem,feedback,not the end of the world,no big deal,not a problem,' +
      'not a huge deal,no biggie,not important,when you can,at your convenience,just to let you know,' +
      'just letting you know,just a thought,would be nice,suggest*,not serious,trivial,tiny,small problem,' +
      'just flagging,only a small,doesnt matter,probably just',
    insult:
      'idiot*,stupid,moron*,incompetent,useless,clown*,pathetic,shit*,crap*,fuck*,fck*,damn,bloody,bullshit,wtf,' +
      'dumb,liar,liars,thieves,thief,crooks,scammer*,jerk*,asshole*,arsehole*,bastard*,imbecile*,retard,retards,' +
      'retarded,losers,clueless,bitch*,rubbish,garbage,trash,scumbag*,cowboys,muppets,shambles,wankers,twat*,' +
      'dickhead*,prick*,piss poor',
    angry:
      'furious,angry,livid,outraged,outrageous,ridiculous,disgust*,disgrace*,unacceptable,appalling,appalled,' +
      'worst,terrible,horrible,horrendous,awful,scam,rip off,ripoff,ripped off,joke,' +
      'never again,never buying,never use,shocking,infuriat*,hate,how dare,shame on,absurd,insane,beyond,' +
      'enough is enough,robbery,daylight robbery,pissed,mad,rage,nightmare,atrocious,abysmal,last straw,' +
      'unbelievable,fuming,seething,raging,incensed,enraged,laughable,shambolic,diabolical,shameful,boycott,' +
      'never shopping,never coming back,how hard can it be,cheek,joke of a',
    upset:
      'overdrawn,overdraft,cant afford,cannot afford,can not afford,still taking,still charging,still being charged,just shrugged,shrugged,had enough,sick and tired,sick of,fed up,disappoint*,frustrat*,annoy*,unhappy,not happy,upset,sad,let down,dissatisfied,unsatisfied,poor,' +
      'not good enough,concerned,worried,shame,confus*,inconvenien*,irritat*,not impressed,unimpressed,bad,' +
      'stress*,hassle,not ok,not okay,unfortunately,sadly,regret,rude,dismissive,humiliat*,embarrass*,scared,' +
      'frightened,terrified,afraid,worry*,anxious,shocked,distress*,awkward,unfair,not fair,waste of time,wasted,' +
      'expected better,expected more,let me down,letdown,not ideal,tired of,losing patience,patience,not even,' +
      'didnt even,did not even,couldnt even,wouldnt even,cant believe,gutted,hurtful,horrified,nervous,' +
      'underwhelm*,meh',
    mistreated:
      'shouted at me,shouted at us,yelled at me,yelled at us,screamed at me,raised his voice,raised her voice,' +
      'humiliat*,mocked,mocking me,made fun of me,laughed at me,laughed at us,ignored me,ignored us,ignoring me,' +
      'ignored for,was ignored,got ignored,talked down to me,spoke to me like,talked to me like,treated me like,' +
      'treated me as if,treated us like,looked at me like,called me,made me feel,belittled me,snapped at me,' +
      'swore at me,sneered',
    lookalike: 'of course,email address,e-mail address,stainless,seamless,broker*,sim card',
    reluctant:
      'not a big deal,sorry to bother,sorry for bothering,dont want to complain,hate to complain,' +
      'not one to complain,dont usually complain,never complain,probably nothing,maybe its just me,' +
      'just a small thing,no worries,might be nothing,hope you dont mind,not trying to cause trouble,' +
      'dont want to make a fuss,not to make a fuss,sorry if this is silly,not really a complaint,probably just,' +
      'bit of a nitpick,i know its minor,not complaining,dont mean to complain,no big deal',
    threat:
      'chargeback,charge back,dispute it,dispute the charge,dispute the payment,raise a dispute,disputing the,going public,go public,post this online,social media,tell everyone,the press,newspaper*,trustpilot,bad review*',
    contact:
      'email*,e-mail*,emailed,mailed,call*,rang,ring*,phon*,wrote,written,writing,write,contact*,messag*,chas*,complain*,asked,told,reach*,spoke,spoken,talk*,tweet*,dm*,chat*,been in touch,got in touch,report*,tried,follow* up,text*',
    month:
      'january,february,march,april,may,june,july,august,september,october,november,december,jan,feb,mar,apr,jun,' +
      'jul,aug,sep,sept,oct,nov,dec',
    day:
      'yesterday,monday,tuesday,wednesday,thursday,friday,saturday,sunday,last week,last month,last night',
  },
  outcomes: {
    refund:
      'refund*,money back,reimburs*,repay*,my money,cancel* the order,chargeback',
    replacement:
      'replac*,new one,another one,send me a new*,resend,send it again',
    exchange:
      'exchang*,swap*,different size,different colour,different color,other size,other colour',
    storeCredit:
      'store credit,credit note,voucher*,gift card*,account credit,credit on my account',
    discount:
      'discount*,compensation,compensat*,money off,partial refund,price reduction,goodwill',
    repair:
      'repair*,fix it,fixed,mend*',
  },
  entities: {
    references: [
      'order|ord|account|acct|invoice|booking|ticket|reference|ref|case|customer',
    ],
    referenceNumbers: ['number|num'],
    referenceLinks: ['is|was'],
    referenceBefore: [],
    currencyEndings: [],
    ago: [
      String.raw`(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|few|couple of)\s(?:hours?|days?|weeks?|months?|years?)\sago`,
    ],
    agoAnchors: ['ago'],
    times: [String.raw`\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)`],
    timeSuffixes: [],
    timeAfter: ['am', 'pm'],
    timeBefore: [],
    dayBefore: ['last', 'this', 'next', 'previous', 'past'],
    dayAfter: ['morning', 'afternoon', 'evening', 'night'],
    counts: [
      String.raw`once|twice|thrice|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s(?:times|emails|calls|messages|letters)`,
      String.raw`(?:the\s)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:nd|rd|th))\s(?:time|email|call|message|letter)`,
    ],
    numbers: {
      once: 1, twice: 2, thrice: 3, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
      second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
    },
    currencies: { euro: 'EUR', euros: 'EUR', dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP' },
  },
  restatement: {
    greetings: [String.raw`hi|hello|hey|dear [\p{L}]+|good (?:morning|afternoon|evening)`],
    address: ['you', 'u', 'ye'],
    swap: {
      i: 'you', me: 'you', my: 'your', mine: 'yours', myself: 'yourself',
      "i'm": "you're", 'i’m': 'you’re', im: "you're", "i've": "you've", 'i’ve': 'you’ve', ive: "you've",
      "i'd": "you'd", 'i’d': 'you’d', "i'll": "you'll", 'i’ll': 'you’ll',
      we: 'you', us: 'you', our: 'your', ours: 'yours', ourselves: 'yourselves',
      "we're": "you're", 'we’re': 'you’re', "we've": "you've", 'we’ve': 'you’ve', "we'd": "you'd", "we'll": "you'll",
      your: 'our', yours: 'ours', yourself: 'ourselves', yourselves: 'ourselves',
      "you're": "we're", 'you’re': 'we’re', "you've": "we've", 'you’ve': 'we’ve', "you'll": "we'll", 'you’ll': 'we’ll',
    },
    objectAfter: [
      'to', 'at', 'from', 'with', 'for', 'of', 'about', 'by', 'than', 'on', 'into', 'against', 'thank', 'thanked',
      'called', 'emailed', 'told', 'asked', 'contacted', 'paid', 'rang', 'phoned', 'wrote', 'messaged', 'chased', 'gave',
      'sent', 'trusted', 'reached', 'informed', 'tell', 'ask', 'call', 'email', 'contact', 'pay', 'trust', 'reach',
      'inform', 'give', 'send', 'help', 'helped', 'let', 'made', 'make', 'chase', 'remind', 'reminded', 'recommend',
    ],
    adverbs: ['still', 'never', 'really', 'also', 'just', 'only', 'even', 'already', 'actually'],
  },
};
