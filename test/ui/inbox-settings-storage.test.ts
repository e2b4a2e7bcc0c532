import { describe, expect, it } from 'vitest';
import { renderSettings } from '../../server/inbox/settings-view.mjs';

const noDestinations = {
  list: async () => ({ destinations: [], jobs: { pending: 0, failed: 0, done: 0 }, waiting: [], mailConfigured: false }),
  add: async () => { throw new Error('not used'); },
  test: async () => ({ ok: true }),
  setPaused: async () => undefined,
  remove: async () => undefined,
  deliveries: async () => ({ deliveries: [] }),
  retry: async () => undefined,
};

describe('Settings → Files', () => {
  it('says how many files are kept, their size and where', async () => {
    const container = document.createElement('div');
    await renderSettings(container, noDestinations, { usage: async () => ({ kind: 's3' as const, files: 3, bytes: 5.5 * 1024 * 1024 }) });
    const section = container.querySelector('#storage-usage')!;
    expect(section.querySelector('h3')!.textContent).toBe('Files');
    expect(section.querySelector('p')!.textContent).toBe('3 files, 5.5 MB, kept in S3-compatible storage.');
  });

  it('says the storage did not answer, in the server\'s words', async () => {
    const container = document.createElement('div');
    await renderSettings(container, noDestinations, { usage: async () => { throw new Error('The storage did not answer; try again shortly.'); } });
    expect(container.querySelector('#storage-usage p')!.textContent).toBe('The storage did not answer; try again shortly.');
  });
});
