/**
 * Visitors' answers to Heard's reply emails, as real mail clients write them: Gmail (web and
 * Android), Outlook (desktop, web, mobile), Apple Mail (macOS and iPhone) and Thunderbird, in
 * English, Malay, Hungarian and Slovak. Each is a raw RFC 5322 message; `{{to}}` is replaced by
 * the reply address a test uses. `expected` is what the sender wrote above (or, bottom-posting,
 * outside of) the quoted history, without their signature.
 *
 * The attribution lines, header blocks and device signatures are the clients' own wording in
 * each language; the labels were written from those, before the code that strips them.
 */

export interface ReplyFixture {
  name: string;
  client: 'gmail' | 'outlook' | 'apple-mail' | 'thunderbird';
  locale: 'en' | 'ms' | 'hu' | 'sk';
  raw: string;
  expected: string;
}

/** Headers and body joined as a mail system carries them: CRLF line ends. */
const message = (headers: string, body: string) => `${headers.trim()}\n\n${body}`.replace(/\r?\n/g, '\r\n');

const HEARD_EN = `> Hello Jana,
>
> We have replied to your complaint HRD-7Q2K:
>
> The new kettle left today and arrives on Friday.
>
> You can answer by replying to this email.`;

export const REPLY_FIXTURES: ReplyFixture[] = [
  {
    name: 'Gmail web, English, top-posted',
    client: 'gmail',
    locale: 'en',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 10:02:11 +0000
Message-ID: <CAF1a2b3c4d5e6f7g8h9@mail.gmail.com>
In-Reply-To: <job-1@shop.example>
References: <job-1@shop.example>
Subject: Re: We replied to your complaint HRD-7Q2K
From: Jana Kovacova <jana@example.com>
To: {{to}}
Content-Type: text/plain; charset="UTF-8"`,
      `Thanks. Friday is fine, but please send it to my work address this time.

On Mon, Dec 7, 2026 at 9:12 AM Shop care <care@shop.example> wrote:

${HEARD_EN}
`,
    ),
    expected: 'Thanks. Friday is fine, but please send it to my work address this time.',
  },
  {
    name: 'Gmail web, English, attribution wrapped over two lines, signature',
    client: 'gmail',
    locale: 'en',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 10:05:00 +0000
Message-ID: <CAF9z8y7x6w5v4u3@mail.gmail.com>
Subject: Re: We replied to your complaint HRD-7Q2K
From: Jana Kovacova <jana@example.com>
To: {{to}}
Content-Type: multipart/alternative; boundary="000000000000a1b2c3"`,
      `--000000000000a1b2c3
Content-Type: text/plain; charset="UTF-8"

The order number is 88412. The box was already open when it came.

--
Jana Kovacova
+44 20 7946 0000

On Mon, Dec 7, 2026 at 9:12 AM Shop care via Heard <care@shop.example>
wrote:

${HEARD_EN}

--000000000000a1b2c3
Content-Type: text/html; charset="UTF-8"

<div dir="ltr">The order number is 88412. The box was already open when it came.<br><br>-- <br>Jana Kovacova</div>
--000000000000a1b2c3--
`,
    ),
    expected: 'The order number is 88412. The box was already open when it came.',
  },
  {
    name: 'Gmail web, Malay',
    client: 'gmail',
    locale: 'ms',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 10:10:00 +0800
Message-ID: <CAMs1@mail.gmail.com>
Subject: Re: Kami telah membalas aduan anda HRD-7Q2K
From: Siti Aminah <siti@example.my>
To: {{to}}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable`,
      `Terima kasih. Boleh saya tukar alamat penghantaran ke Shah Alam?

Pada Isn, 7 Dis 2026 pada 9:12 PG Shop care <care@shop.example> menulis:

> Hai Siti,
>
> Kami telah membalas aduan anda HRD-7Q2K:
>
> Cerek baharu dihantar hari ini.
`,
    ),
    expected: 'Terima kasih. Boleh saya tukar alamat penghantaran ke Shah Alam?',
  },
  {
    name: 'Gmail web, Hungarian, quoted-printable',
    client: 'gmail',
    locale: 'hu',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 10:20:00 +0100
Message-ID: <CAHu1@mail.gmail.com>
Subject: Re: =?UTF-8?Q?V=C3=A1laszoltunk_panasz=C3=A1ra?=
From: =?UTF-8?B?S292w6FjcyDDgWdpcw==?= <agi@example.hu>
To: {{to}}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable`,
      `K=C3=B6sz=C3=B6n=C3=B6m, a p=C3=A9ntek megfelel.

Shop care <care@shop.example> ezt =C3=ADrta (id=C5=91pont: 2026. dec. 7., H=
, 9:12):

> Kedves =C3=81gi!
>
> V=C3=A1laszoltunk HRD-7Q2K sz=C3=A1m=C3=BA panasz=C3=A1ra:
`,
    ),
    expected: 'Köszönöm, a péntek megfelel.',
  },
  {
    name: 'Gmail web, Slovak',
    client: 'gmail',
    locale: 'sk',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 10:30:00 +0100
Message-ID: <CASk1@mail.gmail.com>
Subject: Re: Odpoveď k sťažnosti HRD-7Q2K
From: Jana Kováčová <jana@example.sk>
To: {{to}}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: 8bit`,
      `Dobrý deň, kanvica prišla, ale chýba k nej podstavec.

po 7. 12. 2026 o 9:12 Shop care <care@shop.example> napísal(a):

> Dobrý deň, Jana,
>
> K Vašej sťažnosti HRD-7Q2K Vám posielame odpoveď:
`,
    ),
    expected: 'Dobrý deň, kanvica prišla, ale chýba k nej podstavec.',
  },
  {
    name: 'Gmail Android, English, forwarded the original back',
    client: 'gmail',
    locale: 'en',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 11:00:00 +0000
Message-ID: <CAFwd1@mail.gmail.com>
Subject: Fwd: We replied to your complaint HRD-7Q2K
From: Jana Kovacova <jana@example.com>
To: {{to}}
Content-Type: text/plain; charset="UTF-8"`,
      `Forwarding this back: the tracking link in it does not work.

---------- Forwarded message ---------
From: Shop care <care@shop.example>
Date: Mon, 7 Dec 2026, 09:12
Subject: We replied to your complaint HRD-7Q2K
To: <jana@example.com>


Hello Jana,

We have replied to your complaint HRD-7Q2K:
`,
    ),
    expected: 'Forwarding this back: the tracking link in it does not work.',
  },
  {
    name: 'Gmail Android, Slovak, forwarded',
    client: 'gmail',
    locale: 'sk',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 11:05:00 +0100
Message-ID: <CASkFwd@mail.gmail.com>
Subject: Fwd: Odpoveď k sťažnosti HRD-7Q2K
From: Jana Kováčová <jana@example.sk>
To: {{to}}
Content-Type: text/plain; charset="UTF-8"`,
      `Posielam späť, odkaz na sledovanie zásielky nefunguje.

---------- Preposlaná správa ---------
Od: Shop care <care@shop.example>
Dátum: po 7. 12. 2026 o 9:12
Predmet: Odpoveď k sťažnosti HRD-7Q2K
Komu: <jana@example.sk>

Dobrý deň, Jana,
`,
    ),
    expected: 'Posielam späť, odkaz na sledovanie zásielky nefunguje.',
  },
  {
    name: 'Outlook desktop, English, header block under a rule',
    client: 'outlook',
    locale: 'en',
    raw: message(
      `Date: Mon, 7 Dec 2026 10:40:00 +0000
From: "Kovacova, Jana" <jana@example.com>
To: "Shop care" <{{to}}>
Subject: RE: We replied to your complaint HRD-7Q2K
Thread-Topic: We replied to your complaint HRD-7Q2K
Message-ID: <AM0PR01MB1234@AM0PR01MB1234.eurprd01.prod.outlook.com>
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0`,
      `Hi,

It still leaks from the base. I have attached a photo.

Kind regards,
Jana

________________________________
From: Shop care <care@shop.example>
Sent: Monday, December 7, 2026 9:12 AM
To: Kovacova, Jana <jana@example.com>
Subject: We replied to your complaint HRD-7Q2K

Hello Jana,

We have replied to your complaint HRD-7Q2K:
`,
    ),
    expected: 'Hi,\n\nIt still leaks from the base. I have attached a photo.\n\nKind regards,\nJana',
  },
  {
    name: 'Outlook desktop, English, -----Original Message-----',
    client: 'outlook',
    locale: 'en',
    raw: message(
      `Date: Mon, 7 Dec 2026 10:45:00 +0000
From: Jana Kovacova <jana@example.com>
To: {{to}}
Subject: RE: We replied to your complaint HRD-7Q2K
Message-ID: <000001d9aa@example.com>
X-Mailer: Microsoft Outlook 16.0
Content-Type: text/plain; charset="us-ascii"
MIME-Version: 1.0`,
      `Yes, a refund would be better than a replacement.

-----Original Message-----
From: Shop care <care@shop.example>
Sent: Monday, December 7, 2026 9:12 AM
To: jana@example.com
Subject: We replied to your complaint HRD-7Q2K

Hello Jana,
`,
    ),
    expected: 'Yes, a refund would be better than a replacement.',
  },
  {
    name: 'Outlook desktop, Malay',
    client: 'outlook',
    locale: 'ms',
    raw: message(
      `Date: Mon, 7 Dec 2026 10:50:00 +0800
From: Siti Aminah <siti@example.my>
To: {{to}}
Subject: BLS: Kami telah membalas aduan anda HRD-7Q2K
Message-ID: <SG2PR01MB5678@SG2PR01MB5678.apcprd01.prod.outlook.com>
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
MIME-Version: 1.0`,
      `Saya masih belum menerima bayaran balik.

________________________________
Daripada: Shop care <care@shop.example>
Dihantar: Isnin, 7 Disember 2026 9:12 PG
Kepada: Siti Aminah <siti@example.my>
Perkara: Kami telah membalas aduan anda HRD-7Q2K

Hai Siti,
`,
    ),
    expected: 'Saya masih belum menerima bayaran balik.',
  },
  {
    name: 'Outlook desktop, Hungarian',
    client: 'outlook',
    locale: 'hu',
    raw: message(
      `Date: Mon, 7 Dec 2026 10:55:00 +0100
From: Kovács Ági <agi@example.hu>
To: {{to}}
Subject: VS: Válaszoltunk panaszára
Message-ID: <VI1PR01MB9@VI1PR01MB9.eurprd01.prod.outlook.com>
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
MIME-Version: 1.0`,
      `A csomag ma sem érkezett meg.

Üdvözlettel:
Kovács Ági

________________________________
Feladó: Shop care <care@shop.example>
Elküldve: 2026. december 7., hétfő 9:12
Címzett: Kovács Ági <agi@example.hu>
Tárgy: Válaszoltunk panaszára

Kedves Ági!
`,
    ),
    expected: 'A csomag ma sem érkezett meg.\n\nÜdvözlettel:\nKovács Ági',
  },
  {
    name: 'Outlook desktop, Slovak, Pôvodná správa',
    client: 'outlook',
    locale: 'sk',
    raw: message(
      `Date: Mon, 7 Dec 2026 11:10:00 +0100
From: Peter Horváth <peter@example.sk>
To: {{to}}
Subject: RE: Odpoveď k sťažnosti HRD-7Q2K
Message-ID: <000002d9bb@example.sk>
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
MIME-Version: 1.0`,
      `Súhlasím s výmenou.

-----Pôvodná správa-----
Od: Shop care <care@shop.example>
Odoslané: pondelok 7. decembra 2026 9:12
Komu: peter@example.sk
Predmet: Odpoveď k sťažnosti HRD-7Q2K
`,
    ),
    expected: 'Súhlasím s výmenou.',
  },
  {
    name: 'Outlook on the web, Slovak, header block without a rule',
    client: 'outlook',
    locale: 'sk',
    raw: message(
      `Date: Mon, 7 Dec 2026 11:15:00 +0100
From: Jana Kováčová <jana@example.sk>
To: {{to}}
Subject: RE: Odpoveď k sťažnosti HRD-7Q2K
Message-ID: <DB9PR01MB2@DB9PR01MB2.eurprd01.prod.outlook.com>
Content-Type: multipart/alternative; boundary="_000_DB9PR01MB2_"
MIME-Version: 1.0`,
      `--_000_DB9PR01MB2_
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

${Buffer.from(`Kuriér prišiel, ale nikto nezvonil.

Od: Shop care <care@shop.example>
Odoslané: pondelok 7. decembra 2026 9:12
Komu: Jana Kováčová <jana@example.sk>
Predmet: Odpoveď k sťažnosti HRD-7Q2K

Dobrý deň, Jana,
`).toString('base64')}

--_000_DB9PR01MB2_
Content-Type: text/html; charset="utf-8"

<html><body><div>Kuri&eacute;r pri&scaron;iel, ale nikto nezvonil.</div><hr><div id="divRplyFwdMsg"><b>Od:</b> Shop care</div></body></html>
--_000_DB9PR01MB2_--
`,
    ),
    expected: 'Kuriér prišiel, ale nikto nezvonil.',
  },
  {
    name: 'Outlook for iOS, English, Get Outlook line',
    client: 'outlook',
    locale: 'en',
    raw: message(
      `Date: Mon, 7 Dec 2026 11:20:00 +0000
From: Jana Kovacova <jana@example.com>
To: {{to}}
Subject: Re: We replied to your complaint HRD-7Q2K
Message-ID: <PH0PR01MB3@PH0PR01MB3.namprd01.prod.outlook.com>
Content-Type: text/plain; charset="utf-8"
MIME-Version: 1.0`,
      `Friday works.

Get Outlook for iOS<https://aka.ms/o0ukef>
________________________________
From: Shop care <care@shop.example>
Sent: Monday, December 7, 2026 9:12:00 AM
To: Jana Kovacova <jana@example.com>
Subject: We replied to your complaint HRD-7Q2K
`,
    ),
    expected: 'Friday works.',
  },
  {
    name: 'Apple Mail macOS, English',
    client: 'apple-mail',
    locale: 'en',
    raw: message(
      `Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))
Subject: Re: We replied to your complaint HRD-7Q2K
From: Jana Kovacova <jana@example.com>
In-Reply-To: <job-1@shop.example>
Date: Mon, 7 Dec 2026 11:30:00 +0000
Message-Id: <4F1E2D3C-1111-2222-3333-444455556666@example.com>
To: {{to}}
X-Mailer: Apple Mail (2.3774.600.62)`,
      `Could you collect the old one when you deliver the new kettle?

> On 7 Dec 2026, at 09:12, Shop care <care@shop.example> wrote:
>=20
> Hello Jana,
>=20
> We have replied to your complaint HRD-7Q2K:
`,
    ),
    expected: 'Could you collect the old one when you deliver the new kettle?',
  },
  {
    name: 'Apple Mail iPhone, English, Sent from my iPhone',
    client: 'apple-mail',
    locale: 'en',
    raw: message(
      `Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit
Mime-Version: 1.0 (1.0)
Subject: Re: We replied to your complaint HRD-7Q2K
From: Jana Kovacova <jana@example.com>
Date: Mon, 7 Dec 2026 11:35:00 +0000
Message-Id: <AB12CD34-5678-90EF-ABCD-1234567890AB@example.com>
To: {{to}}
X-Mailer: iPhone Mail (21B101)`,
      `Ok thanks

Sent from my iPhone

> On 7 Dec 2026, at 09:12, Shop care <care@shop.example> wrote:
>
> Hello Jana,
`,
    ),
    expected: 'Ok thanks',
  },
  {
    name: 'Apple Mail iPhone, Malay',
    client: 'apple-mail',
    locale: 'ms',
    raw: message(
      `Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
Mime-Version: 1.0 (1.0)
Subject: Re: Kami telah membalas aduan anda HRD-7Q2K
From: Siti Aminah <siti@example.my>
Date: Mon, 7 Dec 2026 11:40:00 +0800
Message-Id: <CD12CD34-5678-90EF-ABCD-1234567890CD@example.my>
To: {{to}}
X-Mailer: iPhone Mail (21B101)`,
      `Baik, saya tunggu hari Jumaat.

Dihantar dari iPhone saya

> Pada 7 Dis 2026, pada 9:12 PG, Shop care <care@shop.example> menulis:
>
> Hai Siti,
`,
    ),
    expected: 'Baik, saya tunggu hari Jumaat.',
  },
  {
    name: 'Apple Mail macOS, Hungarian',
    client: 'apple-mail',
    locale: 'hu',
    raw: message(
      `Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))
Subject: Re: Válaszoltunk panaszára
From: Kovács Ági <agi@example.hu>
Date: Mon, 7 Dec 2026 11:45:00 +0100
Message-Id: <EF12CD34-5678-90EF-ABCD-1234567890EF@example.hu>
To: {{to}}
X-Mailer: Apple Mail (2.3774.600.62)`,
      `Rendben, akkor a pénzt kérném vissza.

> 2026. dec. 7. dátummal, 9:12 időpontban Shop care <care@shop.example> írta:
>
> Kedves Ági!
`,
    ),
    expected: 'Rendben, akkor a pénzt kérném vissza.',
  },
  {
    name: 'Apple Mail iPhone, Hungarian, iPhone-ról küldve',
    client: 'apple-mail',
    locale: 'hu',
    raw: message(
      `Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
Mime-Version: 1.0 (1.0)
Subject: Re: Válaszoltunk panaszára
From: Kovács Ági <agi@example.hu>
Date: Mon, 7 Dec 2026 11:47:00 +0100
Message-Id: <0012CD34-5678-90EF-ABCD-123456789000@example.hu>
To: {{to}}`,
      `Köszönöm!

iPhone-ról küldve

> 2026. dec. 7. dátummal, 9:12 időpontban Shop care <care@shop.example> írta:
`,
    ),
    expected: 'Köszönöm!',
  },
  {
    name: 'Apple Mail macOS, Slovak',
    client: 'apple-mail',
    locale: 'sk',
    raw: message(
      `Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))
Subject: Re: Odpoveď k sťažnosti HRD-7Q2K
From: Peter Horváth <peter@example.sk>
Date: Mon, 7 Dec 2026 11:50:00 +0100
Message-Id: <1112CD34-5678-90EF-ABCD-123456789011@example.sk>
To: {{to}}`,
      `Ďakujem, v piatok budem doma celý deň.

Odoslané z iPhonu

> 7. 12. 2026 o 9:12, Shop care <care@shop.example> napísal:
>
> Dobrý deň, Peter,
`,
    ),
    expected: 'Ďakujem, v piatok budem doma celý deň.',
  },
  {
    name: 'Thunderbird, English, top-posted with a -- signature',
    client: 'thunderbird',
    locale: 'en',
    raw: message(
      `Message-ID: <5c3a9f0e-aaaa-bbbb-cccc-0123456789ab@example.org>
Date: Mon, 7 Dec 2026 12:00:00 +0000
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: We replied to your complaint HRD-7Q2K
To: {{to}}
From: Tom Baker <tom@example.org>
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit`,
      `The serial number is KT-2231-09.

-- 
Tom Baker
Baker & Sons Ltd

On 07/12/2026 09:12, Shop care wrote:
${HEARD_EN}
`,
    ),
    expected: 'The serial number is KT-2231-09.',
  },
  {
    name: 'Thunderbird, English, bottom-posted and interleaved',
    client: 'thunderbird',
    locale: 'en',
    raw: message(
      `Message-ID: <6d4b0a1f-aaaa-bbbb-cccc-0123456789ac@example.org>
Date: Mon, 7 Dec 2026 12:05:00 +0000
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: We replied to your complaint HRD-7Q2K
To: {{to}}
From: Tom Baker <tom@example.org>
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit`,
      `On 07/12/2026 09:12, Shop care wrote:
> Hello Tom,
>
> We have replied to your complaint HRD-7Q2K:
>
> The new kettle left today and arrives on Friday.

Friday is a holiday here, can it be Monday?

> You can answer by replying to this email.

Thanks.
`,
    ),
    expected: 'Friday is a holiday here, can it be Monday?\n\nThanks.',
  },
  {
    name: 'Thunderbird, Hungarian',
    client: 'thunderbird',
    locale: 'hu',
    raw: message(
      `Message-ID: <7e5c1b20-aaaa-bbbb-cccc-0123456789ad@example.hu>
Date: Mon, 7 Dec 2026 12:10:00 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: Válaszoltunk panaszára
To: {{to}}
From: Nagy Péter <peter@example.hu>
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit`,
      `Mikor érkezik a futár?

2026. 12. 07. 9:12 keltezéssel, Shop care írta:
> Kedves Péter!
>
> Válaszoltunk HRD-7Q2K számú panaszára:
`,
    ),
    expected: 'Mikor érkezik a futár?',
  },
  {
    name: 'Thunderbird, Slovak, bottom-posted',
    client: 'thunderbird',
    locale: 'sk',
    raw: message(
      `Message-ID: <8f6d2c31-aaaa-bbbb-cccc-0123456789ae@example.sk>
Date: Mon, 7 Dec 2026 12:15:00 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: Odpoveď k sťažnosti HRD-7Q2K
To: {{to}}
From: Peter Horváth <peter@example.sk>
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit`,
      `Dňa 7. 12. 2026 o 9:12 Shop care napísal(a):
> Dobrý deň, Peter,
>
> K Vašej sťažnosti HRD-7Q2K Vám posielame odpoveď:

Ďakujem, prosím pošlite ju na adresu firmy.

-- 
Peter Horváth
`,
    ),
    expected: 'Ďakujem, prosím pošlite ju na adresu firmy.',
  },
  {
    name: 'Thunderbird, Malay',
    client: 'thunderbird',
    locale: 'ms',
    raw: message(
      `Message-ID: <9a7e3d42-aaaa-bbbb-cccc-0123456789af@example.my>
Date: Mon, 7 Dec 2026 12:20:00 +0800
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: Kami telah membalas aduan anda HRD-7Q2K
To: {{to}}
From: Ahmad Faizal <ahmad@example.my>
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit`,
      `Nombor pesanan saya ialah 55120.

Pada 07/12/2026 9:12 PG, Shop care menulis:
> Hai Ahmad,
`,
    ),
    expected: 'Nombor pesanan saya ialah 55120.',
  },
  {
    name: 'Gmail web, HTML only, Hungarian',
    client: 'gmail',
    locale: 'hu',
    raw: message(
      `MIME-Version: 1.0
Date: Mon, 7 Dec 2026 12:25:00 +0100
Message-ID: <CAHuHtml@mail.gmail.com>
Subject: Re: Válaszoltunk panaszára
From: Kovács Ági <agi@example.hu>
To: {{to}}
Content-Type: text/html; charset="UTF-8"`,
      `<div dir="ltr">A számla számát csatoltam: <b>2026/1187</b>.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Shop care &lt;<a href="mailto:care@shop.example">care@shop.example</a>&gt; ezt írta (időpont: 2026. dec. 7., H, 9:12):<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Kedves Ági!<br><br>Válaszoltunk HRD-7Q2K számú panaszára:</blockquote></div>
`,
    ),
    expected: 'A számla számát csatoltam: 2026/1187.',
  },
];
