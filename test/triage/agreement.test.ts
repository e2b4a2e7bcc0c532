import { beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createReceiverCommitment, createReceiverTriage } from '../../server/receiver/retriage.mjs';
import type { ComplaintRecord } from '../../widget/src/record/record';
import type { Locale } from '../../widget/src/triage/types';
import { at, baseInput, fakeMachine, newFakes, settle } from '../machine/harness';
import { seededRandom } from '../storage/fixtures';

/*
 * One commitment: what the widget triages from the transcript and promises, and what the
 * receiver triages again from the record and queues, agree on category, urgency and date, over
 * several hundred complaints put together (seeded, so every run is the same) from building
 * blocks in all four languages, sent from every step the visitor can leave from.
 */

interface Blocks {
  problems: string[];
  details: string[];
  feelings: string[];
  closers: string[];
}

const BLOCKS: Record<Locale, Blocks> = {
  en: {
    problems: [
      'My parcel arrived two weeks late and the box was crushed.',
      'The blender I bought stopped working after two days.',
      'I was charged twice for the same order.',
      'The staff member at the till was rude to me and laughed at me.',
      'The heater you sold me caught fire and burned my hand.',
      'The delivery driver left my package in the rain and it was soaked.',
      'The jacket I received is the wrong size and the zip is broken.',
      'Your website would not let me pay and took my money anyway.',
    ],
    details: ['My order number is #48213.', 'I paid €89.99 for it.', 'It happened on Monday.', 'This is the second time I have written to you.', ''],
    feelings: ['I am really disappointed.', 'This is unacceptable.', 'I am furious.', ''],
    closers: ['Please sort this out.', 'I want this fixed.', ''],
  },
  ms: {
    problems: [
      'Bungkusan saya tiba dua minggu lewat dan kotaknya remuk.',
      'Pengisar yang saya beli rosak selepas dua hari.',
      'Saya dicaj dua kali untuk pesanan yang sama.',
      'Pekerja di kaunter bersikap biadab dan mentertawakan saya.',
      'Pemanas yang anda jual terbakar dan melecurkan tangan saya.',
      'Pemandu penghantar meninggalkan bungkusan saya dalam hujan dan ia basah kuyup.',
      'Jaket yang saya terima salah saiz dan zipnya rosak.',
      'Laman web anda tidak membenarkan saya membayar tetapi wang saya tetap ditolak.',
    ],
    details: ['Nombor pesanan saya ialah #48213.', 'Saya membayar RM249.00 untuknya.', 'Ia berlaku pada hari Isnin.', 'Ini kali kedua saya menulis kepada anda.', ''],
    feelings: ['Saya sangat kecewa.', 'Ini tidak boleh diterima.', 'Saya sangat marah.', ''],
    closers: ['Tolong selesaikan perkara ini.', 'Saya mahu masalah ini dibetulkan.', ''],
  },
  hu: {
    problems: [
      'A csomagom két hét késéssel érkezett, és a doboz összenyomódott.',
      'A megvásárolt turmixgép két nap után elromlott.',
      'Kétszer terheltek meg ugyanazért a rendelésért.',
      'A pénztáros udvariatlan volt velem, és kinevetett.',
      'Az önöktől vett hősugárzó kigyulladt, és megégette a kezemet.',
      'A futár az esőben hagyta a csomagomat, és teljesen elázott.',
      'A kapott kabát rossz méretű, és a cipzárja törött.',
      'A weboldal nem engedett fizetni, mégis levonták a pénzt.',
    ],
    details: ['A rendelésszámom #48213.', '79 eurót fizettem érte.', 'Hétfőn történt.', 'Már másodszor írok önöknek.', ''],
    feelings: ['Nagyon csalódott vagyok.', 'Ez elfogadhatatlan.', 'Nagyon dühös vagyok.', ''],
    closers: ['Kérem, intézzék el.', 'Azt szeretném, hogy ezt megjavítsák.', ''],
  },
  sk: {
    problems: [
      'Môj balík prišiel o dva týždne neskôr a krabica bola rozdrvená.',
      'Mixér, ktorý som kúpil, prestal fungovať po dvoch dňoch.',
      'Za tú istú objednávku mi strhli peniaze dvakrát.',
      'Predavačka pri pokladni bola na mňa hrubá a vysmiala sa mi.',
      'Ohrievač, ktorý ste mi predali, začal horieť a popálil mi ruku.',
      'Kuriér nechal môj balík v daždi a celý premokol.',
      'Bunda, ktorú som dostal, má zlú veľkosť a zips je pokazený.',
      'Vaša stránka ma nenechala zaplatiť, a aj tak mi stiahla peniaze.',
    ],
    details: ['Číslo objednávky je #48213.', 'Zaplatil som za to 89,99 €.', 'Stalo sa to v pondelok.', 'Píšem vám už druhýkrát.', ''],
    feelings: ['Som veľmi sklamaný.', 'Je to neprijateľné.', 'Som zúrivý.', ''],
    closers: ['Prosím, vyriešte to.', 'Chcem, aby ste to opravili.', ''],
  },
};

type Exit = 'done' | 'handoff-early' | 'handoff-outcome';
const EXITS: Exit[] = ['done', 'handoff-early', 'handoff-outcome'];
const PER_LANGUAGE = 80;

interface Case {
  locale: Locale;
  messages: string[];
  exit: Exit;
}

function generate(): Case[] {
  const random = seededRandom(20261207);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const cases: Case[] = [];
  for (const locale of ['en', 'ms', 'hu', 'sk'] as const) {
    const b = BLOCKS[locale];
    for (let i = 0; i < PER_LANGUAGE; i++) {
      const parts = [pick(b.problems), pick(b.details), pick(b.feelings), pick(b.details), pick(b.closers)].filter(Boolean);
      // Said in one, two or three messages.
      const split = 1 + Math.floor(random() * Math.min(3, parts.length));
      const size = Math.ceil(parts.length / split);
      const messages: string[] = [];
      for (let p = 0; p < parts.length; p += size) messages.push(parts.slice(p, p + size).join(' '));
      cases.push({ locale, messages, exit: pick(EXITS) });
    }
  }
  return cases;
}

/** The widget's conversation, taken to the record it sends, leaving by `exit`. */
async function sendFromWidget(c: Case, n: number): Promise<ComplaintRecord> {
  const fakes = newFakes();
  const id = `3f2b8c1e-4d5a-4b6c-8d7e-${n.toString(16).padStart(12, '0')}`;
  const actor = createActor(fakeMachine(fakes), { input: baseInput({ id, locale: c.locale, identity: { email: 'ana@example.com' } }) });
  actor.start();
  for (const text of c.messages) actor.send({ type: 'visitor.say', text, at: at() });
  if (c.exit === 'handoff-early') actor.send({ type: 'handoff.request', at: at() });
  else actor.send({ type: 'visitor.done', at: at() });
  for (let step = 0; step < 12 && fakes.outbox.length === 0; step++) {
    const snap = actor.getSnapshot();
    const state = JSON.stringify(snap.value.conversation);
    if (snap.hasTag('confirming')) actor.send({ type: 'restate.confirm', at: at() });
    else if (state.includes('clarify')) actor.send({ type: 'visitor.say', text: BLOCKS[c.locale].problems[n % 8]!, at: at() });
    else if (snap.hasTag('choosingOutcome')) {
      if (c.exit === 'handoff-outcome') actor.send({ type: 'handoff.request', at: at() });
      else actor.send({ type: 'outcome.choose', kind: 'refund', at: at() });
    } else if (snap.hasTag('reviewing')) actor.send({ type: 'complaint.send', at: at() });
    await settle();
  }
  actor.stop();
  const record = fakes.outbox[0];
  if (!record) throw new Error(`complaint ${n} was not sent: ${JSON.stringify(actor.getSnapshot().value)}`);
  return record;
}

describe('widget and receiver agree on what a complaint is and when it is due', () => {
  let retriage: Awaited<ReturnType<typeof createReceiverTriage>>;
  let commitment: Awaited<ReturnType<typeof createReceiverCommitment>>;
  beforeAll(async () => {
    [retriage, commitment] = await Promise.all([createReceiverTriage(), createReceiverCommitment()]);
  }, 60_000);

  it('on category, urgency and date, for several hundred complaints in four languages, from every exit', async () => {
    const cases = generate();
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const disagreements: string[] = [];
    const urgencies = new Set<string>();
    for (const [n, c] of cases.entries()) {
      const record = await sendFromWidget(c, n);
      const server = retriage(record, { verified: false });
      const due = commitment(record, server.urgency);
      urgencies.add(record.triage.urgency);
      const widget = { category: record.triage.category, urgency: record.triage.urgency, dueBy: record.commitment?.dueBy ?? null };
      const receiver = { category: server.category, urgency: server.urgency, dueBy: due.dueBy };
      if (JSON.stringify(widget) !== JSON.stringify(receiver)) {
        disagreements.push(`${c.locale} ${c.exit} ${JSON.stringify(c.messages)}: widget ${JSON.stringify(widget)}, receiver ${JSON.stringify(receiver)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The blocks reach more than one urgency, or agreement would say little.
    expect(urgencies.size).toBeGreaterThan(1);
  }, 120_000);
});
