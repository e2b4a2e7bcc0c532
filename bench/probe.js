// Injected into every bench page before any of the page's own scripts (Playwright's
// addInitScript). Plain browser JavaScript, not a module: it records what the bench reads back
// through `window.__bench`. Nothing here runs in Node.
(() => {
  const bench = {
    longTasks: [],
    slowEvents: [],
    bubbleAt: null,
    frameAt: null,
    clickAt: null,
    composerReadyAt: null,
    composerFocused: false,
    keyDelays: [],
    lastInputAt: null,
  };
  window.__bench = bench;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.slowEvents.push({ name: entry.name, duration: entry.duration, delay: entry.processingStart - entry.startTime });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}

  /** `host >>> inner` finds `inner` inside `host`'s open shadow root; plain selectors search the page. */
  const deepFind = (spec) => {
    let scope = document;
    let found = null;
    for (const part of spec.split(' >>> ')) {
      if (!scope) return null;
      found = scope.querySelector(part);
      scope = found && found.shadowRoot;
    }
    return found;
  };
  const shown = (el) => {
    if (!el || !el.isConnected) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
  };
  bench.deepFind = deepFind;
  bench.shown = shown;

  /** Records the first frame after now: the floor under "bubble visible" on this page. */
  // Times are taken inside the frame's callbacks (just before that frame paints), not from the
  // callback's argument, which is the frame's start and may precede the mark.
  bench.watchFrame = () => requestAnimationFrame(() => (bench.frameAt = performance.now()));

  /** Watches every frame (bounded) until `spec` is on screen; records the frame's time. */
  bench.watchLauncher = (spec, limitMs) => {
    bench.watchFrame();
    const until = performance.now() + limitMs;
    const tick = () => {
      if (shown(deepFind(spec))) {
        bench.bubbleAt = performance.now();
        return;
      }
      if (performance.now() < until) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  /**
   * After a click on the launcher, watches every frame (bounded) for Heard's composer to be
   * on screen, enabled and focused.
   */
  bench.watchComposer = (limitMs) => {
    addEventListener(
      'click',
      (event) => {
        bench.clickAt = event.timeStamp;
        const until = performance.now() + limitMs;
        const tick = () => {
          const now = performance.now();
          const root = document.querySelector('heard-root')?.shadowRoot;
          const area = root && root.querySelector('textarea');
          if (area && shown(area) && !area.disabled && !area.readOnly && root.activeElement === area) {
            bench.composerReadyAt = now;
            bench.composerFocused = true;
            return;
          }
          if (performance.now() < until) requestAnimationFrame(tick);
          else if (area && shown(area) && !area.disabled) bench.composerReadyAt = -1;
        };
        requestAnimationFrame(tick);
      },
      { capture: true, once: true },
    );
  };

  /** Per key: from the keydown's timestamp to the frame after it is handled (rAF, then a task). */
  bench.watchKeys = () => {
    addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => bench.keyDelays.push(performance.now() - start);
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
    addEventListener('input', () => (bench.lastInputAt = performance.now()), { capture: true });
  };

  /** Polls the widget's IndexedDB (bounded) until a draft holds `text`; resolves the time. */
  bench.waitForDraft = async (text, limitMs) => {
    // Opening a database that does not exist yet would create it empty at version 1 and spoil
    // the widget's own upgrade, so only look once the widget has made it.
    const names = (await indexedDB.databases()).map((info) => info.name);
    if (!names.includes('heard')) return null;
    return new Promise((resolve) => {
      const until = performance.now() + limitMs;
      const open = indexedDB.open('heard');
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        const poll = () => {
          if (!db.objectStoreNames.contains('drafts')) return done(null);
          const request = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
          request.onsuccess = () => {
            if (request.result.some((draft) => typeof draft.composer === 'string' && draft.composer.includes(text))) done(performance.now());
            else if (performance.now() < until) setTimeout(poll, 5);
            else done(null);
          };
          request.onerror = () => done(null);
        };
        const done = (at) => {
          db.close();
          resolve(at);
        };
        poll();
      };
    });
  };
})();
