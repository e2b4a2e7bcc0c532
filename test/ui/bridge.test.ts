import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createBridge } from '../../widget/src/ui/bridge';
import { start } from '../machine/harness';

const NOW = new Date('2026-11-23T12:34:56.000Z');

describe('bridge', () => {
  it('exposes the snapshot as a signal that follows the machine', () => {
    const { actor } = start();
    const bridge = createBridge(actor, () => NOW);
    const seen: string[] = [];
    const stop = effect(() => {
      seen.push(String(bridge.snapshot.value.value.panel));
    });
    bridge.send({ type: 'panel.open' });
    expect(bridge.snapshot.value.matches({ panel: 'open' })).toBe(true);
    expect(seen).toEqual(['closed', 'open']);
    stop();
    bridge.dispose();
  });

  it('stamps the time on events that carry one, and only on those', () => {
    const { actor } = start();
    const bridge = createBridge(actor, () => NOW);
    bridge.send({ type: 'visitor.say', text: 'My parcel is late' });
    expect(actor.getSnapshot().context.messages.at(-1)).toMatchObject({ from: 'visitor', at: NOW.toISOString() });
    expect(bridge.can({ type: 'visitor.done' })).toBe(true);
    expect(bridge.can({ type: 'complaint.send' })).toBe(false);
  });

  it('stops following the actor once disposed', () => {
    const { actor } = start();
    const bridge = createBridge(actor, () => NOW);
    bridge.dispose();
    actor.send({ type: 'panel.open' });
    expect(bridge.snapshot.value.matches({ panel: 'closed' })).toBe(true);
    bridge.send({ type: 'panel.close' });
    expect(actor.getSnapshot().matches({ panel: 'open' })).toBe(true);
  });
});
