import { fireEvent } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { SPECIFIC, mountWidget, openPanel, settled, tell, toContact, type Mounted } from './support';

/** axe-core's rules over the page, shadow root included; contrast needs a real browser. */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('accessibility of each step', () => {
  it('finds problems inside the shadow root (the check is not blind)', async () => {
    const m = mountWidget();
    openPanel(m);
    const bad = document.createElement('input');
    m.root.querySelector('.heard-step')!.append(bad);
    expect((await violations()).some((v) => v.startsWith('label'))).toBe(true);
  });

  const steps: Array<[string, (m: Mounted) => void | Promise<void>]> = [
    ['the closed bubble', () => {}],
    ['the greeting', (m) => void openPanel(m)],
    [
      'the restatement',
      (m) => {
        openPanel(m);
        tell(m, SPECIFIC);
      },
    ],
    [
      'the outcome choices with "something else" open',
      (m) => {
        openPanel(m);
        tell(m, SPECIFIC);
        fireEvent.click(m.ui.getByRole('button', { name: 'Yes, that’s right' }));
        fireEvent.click(m.ui.getByRole('button', { name: 'Something else' }));
      },
    ],
    [
      'the contact form with errors',
      (m) => {
        toContact(m);
        fireEvent.click(m.ui.getByRole('button', { name: 'Continue' }));
      },
    ],
    [
      'the thanks and rating',
      async (m) => {
        toContact(m);
        fireEvent.input(m.ui.getByLabelText(/^Email/), { target: { value: 'ana@example.com' } });
        fireEvent.click(m.ui.getByRole('button', { name: 'Continue' }));
        fireEvent.click(m.ui.getByRole('button', { name: 'Send complaint' }));
        await settled();
      },
    ],
  ];

  for (const [name, reach] of steps) {
    it(`has no violations in ${name}`, async () => {
      const m = mountWidget({ brand: 'Bolt Ana', privacyUrl: 'https://shop.example/privacy' });
      await reach(m);
      expect(await violations()).toEqual([]);
    });
  }
});
