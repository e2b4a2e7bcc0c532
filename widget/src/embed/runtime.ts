import { signal } from '@preact/signals';
import { createActor, fromPromise, type Actor, type Snapshot } from 'xstate';
import { anyLoadedCatalog, getLoadedCatalog, loadCatalog } from '../i18n/load';
import { resolveLocale } from '../i18n/locale';
import { translate, type Catalog } from '../i18n/translate';
import { createComplaintMachine, type ComplaintMachine } from '../machine/complaintMachine';
import type { ComplaintContext } from '../machine/context';
import type { Identity } from '../machine/events';
import { buildRating, buildRecord, type Translator } from '../record/build';
import { newRecordIds } from '../record/ids';
import { pageAddress, referrerOrigin } from '../record/page';
import { transcriptText } from '../record/transcript';
import { createDraftSaver } from '../storage/drafts';
import { databaseExists, openStore, type Draft, type HeardStore } from '../storage/store';
import { createDeliveryLock, createDraftSync, type ChannelConstructor, type LocksLike } from '../storage/tabs';
import { createDelivery } from '../transport/flush';
import type { createStatusReader } from '../transport/status';
import { wireLifecycle, type LifecycleTarget } from '../transport/lifecycle';
import { renderWidget } from '../ui/mount';
import { onAccent } from '../ui/theme';
import type { ThreadPort } from '../ui/widgetContext';
import { loadLexicon } from '../triage/load';
import { triage } from '../triage/triage';
import { createVocabulary } from '../triage/vocabulary';
import type { Locale } from '../triage/types';
import { createEmitter, type HeardApi } from './api';
import type { WidgetConfig } from './config';
import { createEraser } from './erase';

export type ComplaintActor = Actor<ComplaintMachine>;
type StatusReader = ReturnType<typeof createStatusReader>;

/** What the widget needs from the page it runs in; only `src/embed/` passes the real window. */
export interface PageEnv {
  window: LifecycleTarget & {
    location: { href: string };
    navigator: { languages?: readonly string[]; locks?: unknown };
    BroadcastChannel?: unknown;
  };
  document: { referrer: string; title: string };
  /** Test hook: a store to use instead of IndexedDB. */
  store?: HeardStore;
  /** The IndexedDB factory (default the page's own); `null` for none. */
  indexedDB?: IDBFactory | null;
  fetch?: typeof fetch;
}

const DAY = 86_400_000;

/**
 * Lets the host page's own work run between start-up steps, so the widget never holds the main
 * thread long enough to make a long task (50 ms) on a slow phone.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Whether a saved draft holds what `getPersistedSnapshot()` gave for a conversation still in
 * progress; XState checks the rest as it restores it.
 */
function isActiveSnapshot(value: unknown): value is Snapshot<unknown> & { status: 'active' } {
  return typeof value === 'object' && value !== null && 'status' in value && value.status === 'active';
}

/**
 * The page's storage. Where the database does not exist yet, nothing is created until the
 * visitor asks for the widget (`persist()`); where it does, it is opened at once to restore a
 * draft and deliver the outbox. A browser that cannot say which databases exist opens it.
 */
async function openPageStore(config: WidgetConfig, env: PageEnv): Promise<HeardStore> {
  const factory = env.indexedDB === undefined ? (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null : env.indexedDB;
  const exists = await databaseExists(factory);
  return openStore({ indexedDB: factory, draftMaxAgeMs: config.draftMaxAgeDays * DAY, deferred: exists === false });
}

/** Renders catalog lines in one language, variants seeded by the conversation. */
export function translatorFor(locale: Locale, seed: string): Translator {
  // The conversation's language is loaded before the panel renders; should a switch still be
  // on its way, a loaded language beats none.
  const own = getLoadedCatalog(locale);
  const [lang, catalog] = own ? [locale, own] : (anyLoadedCatalog() ?? [locale, undefined]);
  return (key, params) => (catalog ? translate(catalog, lang, key, params, seed) : key);
}

/**
 * The widget's triage vocabulary: every language's function words, and each full lexicon once its
 * language pack has arrived, so a visitor downloads only the vocabulary they need.
 */
const vocabulary = createVocabulary();

/** A language's catalog and triage vocabulary; the vocabulary is best effort. */
function loadLanguage(locale: Locale): Promise<Catalog> {
  return Promise.all([loadCatalog(locale), loadLexicon(vocabulary, locale).catch(() => undefined)]).then(([catalog]) => catalog);
}

/**
 * Starts the widget in a shadow root: storage, the restored conversation, delivery, tab
 * coordination and the UI. Resolves to the host API. Never throws for a storage fault: the
 * store falls back to memory and says so once.
 */
export async function startWidget(host: HTMLElement, root: ShadowRoot, config: WidgetConfig, env: PageEnv): Promise<HeardApi> {
  const emitter = createEmitter(host);
  // Custom properties inherit into the shadow root; a hostile `all: unset` does not reset them.
  if (config.accent) {
    host.style.setProperty('--heard-accent', config.accent);
    host.style.setProperty('--heard-on-accent', onAccent(config.accent));
  }
  const win = env.window;
  // The visitor's language is fetched while storage opens, not after: one round trip fewer
  // between a click on the bubble and a panel to type in. (A restored draft in another
  // language loads its own when rendering.)
  const pageLocale = resolveLocale(config.locale, win.navigator.languages ?? []);
  void loadLanguage(pageLocale).catch(() => undefined);
  const store = env.store ?? (await openPageStore(config, env));
  const draftKey = `conversation:${config.endpoint}`;
  await nextTask();
  let history = await store.listHistory();
  const draft = await store.loadDraft(draftKey);
  const Channel = win.BroadcastChannel as ChannelConstructor | undefined;
  const lock = createDeliveryLock({ locks: win.navigator.locks as LocksLike | undefined, BroadcastChannel: Channel });

  /** Moves on with every outcome of the delivery: a thread on screen reads what still waits. */
  const changes = signal(0);
  const delivery = createDelivery({
    endpoint: config.endpoint,
    siteKey: config.siteKey,
    store,
    lock,
    fetch: env.fetch,
    onEvent: (event) => {
      changes.value++;
      if (event.type === 'delivered' || event.type === 'rejected') eraser.progressed();
      // The receiver's reference and date stand over the widget's, in the conversation and
      // with the complaint kept on this device (so a later visit reads its status by them).
      if (event.type === 'delivered' && event.receipt) {
        actor?.send({ type: 'complaint.receipt', id: event.id, at: new Date().toISOString(), ...event.receipt });
        void keepReference(event.id, event.receipt.reference).then(reread);
      }
      if (event.type === 'rejected') {
        emitter.emit('error', { code: 'rejected', id: event.id, status: event.status ?? undefined, message: `The endpoint refused complaint ${event.id}.` });
      }
    },
  });

  let composer = draft?.composer ?? '';
  let readStatuses: Promise<StatusReader> | undefined;
  // (Should it fail to arrive, nothing is shown until the next page load.)
  const statusReader = (): Promise<StatusReader> =>
    (readStatuses ??= import('../transport/status').then((m) => m.createStatusReader({ endpoint: config.endpoint, fetch: env.fetch, keepReference })));
  const thread: ThreadPort = {
    store,
    delivery,
    endpoint: config.endpoint,
    changes,
    unread: signal(null),
    translate,
    newRecordIds,
    ...(config.attachments !== 'off' && { attach: { types: config.attachmentTypes, maxMb: config.attachmentMaxMb, maxAgeMs: config.draftMaxAgeDays * DAY, held: draft?.files } }),
  };
  /**
   * Whether the visitor has asked for the widget (opened it, typed, or has a conversation from
   * before): until then nothing about this page view is written to the device.
   */
  let engaged = draft !== undefined;
  /** The conversation restarted because the visitor erased their data: the panel says so. */
  let justErased = false;
  /** Refused complaints whose transcript the visitor has been offered (noted once each). */
  const offered = new Set<string>();
  let actor: ComplaintActor;
  let ui: { destroy(): void } | null = null;
  let stopWatching: () => void = () => {};

  const machine = createComplaintMachine(vocabulary, {
    actors: {
      enqueue: fromPromise(async ({ input }) => {
        const record = buildRecord(input.context, translatorFor(input.context.locale, input.context.id));
        // The visitor's files travel after the record, each on its own (`src/attach`).
        if (thread.attach?.held) record.attachments = await (await import('../attach/attach')).named({ thread }, record.id);
        await store.enqueue(record, config.endpoint, Date.now());
        // The store never throws for a storage fault; make sure it really holds the complaint
        // before the visitor is thanked (the machine then says it could not be saved instead).
        if (!(await store.listOutbox()).some((item) => item.id === record.id)) throw new Error('Heard: the complaint was not stored');
      }),
      deliver: fromPromise(({ input }) => delivery.send(input.id)),
      readStatus: fromPromise(async ({ signal }) => {
        const past = await store.listHistory();
        // The reader is a download of its own, only for a visitor with complaints to ask about.
        if (!past.some((entry) => entry.statusKey)) return [];
        return (await statusReader())(past, signal);
      }),
      rateComplaint: fromPromise(async ({ input }) => {
        const rating = buildRating(input.complaintId, input.score, input.at, input.statusKey);
        // A changed rating replaces one still waiting. Enqueued anew, it is a new version that
        // is posted even though this page delivered the last one; the server keeps the latest.
        await store.removeOutbox(rating.id);
        await store.enqueue(rating, config.endpoint, Date.now());
        await delivery.send(rating.id);
      }),
    },
  });

  const saver = createDraftSaver(store, { onSaved: (d) => sync.announce(d) });
  const sync = createDraftSync({
    BroadcastChannel: Channel,
    onAdopt: (d) => adopt(d),
    // The visitor erased their data in another tab: this tab's conversation goes too.
    onErased: () => void saver.discard().then(() => restart(false)),
  });
  const eraser = createEraser({
    store,
    saver,
    endpoint: config.endpoint,
    flush: () => delivery.flush(),
    onErased: () => {
      sync.announceErased();
      restart(true);
      emitter.emit('erased', {});
    },
  });

  /** The reference the server gave a complaint kept on this device, kept with it. */
  async function keepReference(id: string, reference: string): Promise<void> {
    const entry = (await store.listHistory()).find((e) => e.id === id);
    if (entry && entry.reference !== reference) await store.addHistory({ ...entry, reference });
  }

  /**
   * A complaint kept on this device, now known to the receiver too: an open panel reads the
   * statuses again, so the complaint's thread shows while the visitor is still there.
   */
  function reread(): void {
    if (actor.getSnapshot().matches({ panel: 'open' })) actor.send({ type: 'panel.open' });
  }

  /** The visitor asked for the widget: from now on its data may be kept on the device. */
  function engage(): void {
    if (engaged) return;
    engaged = true;
    void store.persist();
  }

  /** Keeps the refused complaint's item until `draft-days` after the visitor saw the transcript offer. */
  async function noteTranscriptOffered(id: string): Promise<void> {
    if (offered.has(id)) return;
    offered.add(id);
    const item = (await store.listOutbox()).find((candidate) => candidate.id === id);
    if (item?.state === 'rejected' && item.transcriptOfferedAt === null) await store.updateOutbox({ ...item, transcriptOfferedAt: Date.now() });
  }
  if (draft) sync.note(draft);

  const snapshotDraft = (): Draft => ({ key: draftKey, endpoint: config.endpoint, snapshot: actor.getPersistedSnapshot(), composer, files: thread.attach?.held, updatedAt: Date.now() });

  function freshInput() {
    const ids = newRecordIds();
    return {
      ...ids,
      at: new Date().toISOString(),
      locale: pageLocale,
      options: config.script,
      page: {
        url: pageAddress(win.location.href, config.pageUrl),
        referrer: referrerOrigin(env.document.referrer),
        title: env.document.title || null,
      },
      previousComplaints: history.length,
      identity: config.identity,
    };
  }

  /**
   * Creates the actor, from a saved snapshot when there is a usable one. A snapshot this
   * version cannot restore (a state renamed since it was saved, a damaged draft) does not throw:
   * XState reports it as an actor error, so it is caught here and a new conversation starts.
   */
  function createConversation(snapshot: unknown): ComplaintActor {
    if (snapshot) {
      let failure: unknown = null;
      try {
        if (!isActiveSnapshot(snapshot)) throw new Error('not a conversation in progress');
        const restored = createActor(machine, { snapshot, input: freshInput() });
        restored.subscribe({ error: (e) => void (failure = e) });
        restored.start();
        if (restored.getSnapshot().status === 'active' && !failure) {
          // The host page's word about who the visitor is now beats what the draft remembers.
          if (config.identity) restored.send({ type: 'visitor.identify', identity: config.identity });
          return restored;
        }
        restored.stop();
      } catch (e) {
        failure = e;
      }
      console.warn('Heard: the saved conversation could not be restored; starting a new one.', failure);
    }
    const created = createActor(machine, { input: freshInput() });
    created.start();
    return created;
  }

  /** Host events from the conversation's changes, each once. */
  function watch(a: ComplaintActor): () => void {
    let prev = a.getSnapshot();
    const sub = a.subscribe({
      // An error inside the conversation is reported to the host page's listeners, never
      // thrown into the page.
      error: (e) => emitter.emit('error', { code: 'storage', message: `The conversation stopped: ${String(e)}` }),
      next: (snap) => {
        const was = prev;
        prev = snap;
        const ctx: ComplaintContext = snap.context;
        const opened = snap.matches({ panel: 'open' }) && !was.matches({ panel: 'open' });
        const said = ctx.messages[ctx.messages.length - 1];
        const visitorSpoke = ctx.messages.length > was.context.messages.length && said?.from === 'visitor';
        if (opened || visitorSpoke || (ctx.handoff && !was.context.handoff)) engage();
        if (opened) emitter.emit('open', {});
        if (snap.matches({ panel: 'closed' }) && !was.matches({ panel: 'closed' })) emitter.emit('close', {});
        if (ctx.handoff && !was.context.handoff) emitter.emit('handoff', { id: ctx.id, reference: ctx.reference, reason: ctx.handoff.reason });
        if (snap.hasTag('finished') && !was.hasTag('finished')) {
          void store.addHistory({ id: ctx.id, reference: ctx.reference, at: Date.now(), endpoint: config.endpoint, statusKey: ctx.statusKey }).then(reread);
          emitter.emit('submitted', { id: ctx.id, reference: ctx.reference, delivery: ctx.delivery === 'idle' ? 'queued' : ctx.delivery });
        }
        if (snap.hasTag('finished') && ctx.delivery === 'rejected' && snap.matches({ panel: 'open' })) void noteTranscriptOffered(ctx.id);
        // A visitor writing another language than the page's: fetch its vocabulary while they
        // type on, so triage knows it by the time they are done.
        if (visitorSpoke && said.text) {
          void loadLexicon(vocabulary, triage(said.text, { locale: ctx.locale, vocabulary }).language).catch(() => undefined);
        }
        if (snap.hasTag('saveFailed') && !was.hasTag('saveFailed')) emitter.emit('error', { code: 'storage', message: 'The complaint could not be saved on this device.' });
        if (engaged) saver.schedule(snapshotDraft);
      },
    });
    return () => sub.unsubscribe();
  }

  async function render(): Promise<void> {
    const locale = actor.getSnapshot().context.locale;
    const initialCatalog = await loadLanguage(locale).catch(() => loadLanguage('en'));
    await nextTask();
    ui?.destroy();
    ui = renderWidget(root, {
      actor,
      brand: config.brand,
      position: config.position,
      privacyUrl: config.privacyUrl,
      loadCatalog: loadLanguage,
      initialCatalog,
      composer: {
        initial: composer,
        onChange: (text: string) => {
          composer = text;
          engage();
          saver.schedule(snapshotDraft);
        },
      },
      thread,
      privacy: {
        erase: eraser.erase,
        eraseWhenDelivered: eraser.eraseWhenDelivered,
        erased: justErased,
      },
      transcript: () => {
        const ctx = actor.getSnapshot().context;
        return transcriptText(buildRecord(ctx, translatorFor(ctx.locale, ctx.id)));
      },
    });
  }

  /** Another tab saved a newer draft: show that conversation rather than fork it. */
  function adopt(d: Draft): void {
    // Another widget on this origin (another endpoint) has conversations of its own.
    if (d.key !== draftKey) return;
    saver.adopt(d);
    const open = actor.getSnapshot().matches({ panel: 'open' });
    stopWatching();
    actor.stop();
    composer = d.composer;
    actor = createConversation(d.snapshot);
    // Whether the panel is open is this tab's own business.
    if (open !== actor.getSnapshot().matches({ panel: 'open' })) actor.send({ type: open ? 'panel.open' : 'panel.close' });
    stopWatching = watch(actor);
    void render();
  }

  /**
   * A fresh conversation after the visitor's data was erased (here, or in another tab): nothing
   * of the old one stays in memory, and nothing of the new one is kept until they use it.
   */
  function restart(sayErased: boolean): void {
    const open = actor.getSnapshot().matches({ panel: 'open' });
    stopWatching();
    actor.stop();
    composer = '';
    history = [];
    engaged = false;
    actor = createConversation(undefined);
    if (open) actor.send({ type: 'panel.open' });
    stopWatching = watch(actor);
    justErased = sayErased;
    void render().then(() => (justErased = false));
  }

  await nextTask();
  actor = createConversation(draft?.snapshot);
  // A reload keeps the conversation but not an open panel over the host page.
  if (actor.getSnapshot().matches({ panel: 'open' })) actor.send({ type: 'panel.close' });
  stopWatching = watch(actor);
  await nextTask();
  await render();
  const unwire = wireLifecycle(delivery, saver, win);
  // A visitor this device knows, with complaints to hear about: the bubble says when a reply
  // came. (A visitor who never opened the widget has no history: nothing is read for them.)
  if (history.some((entry) => entry.statusKey)) {
    import('../ui/Thread').then((view) => view.showUnread(thread, statusReader, history, pageLocale, root)).catch(() => {});
  }

  let destroyed = false;
  return {
    open: () => actor.send({ type: 'panel.open' }),
    close: () => actor.send({ type: 'panel.close' }),
    identify: (identity: Identity) => {
      if (identity && typeof identity === 'object') actor.send({ type: 'visitor.identify', identity });
    },
    on: emitter.on,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      void saver
        .flush()
        .catch(() => undefined)
        .finally(() => {
          saver.dispose();
          sync.close();
          store.close();
        });
      unwire();
      stopWatching();
      actor.stop();
      ui?.destroy();
      host.style.removeProperty('--heard-accent');
      host.style.removeProperty('--heard-on-accent');
      delivery.dispose();
      lock.close();
      emitter.clear();
    },
  };
}
