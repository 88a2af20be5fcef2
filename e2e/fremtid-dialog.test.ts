/**
 * Fremtidsdialog in Debian Chromium: a facilitator creates a dialogue from a
 * municipality's figures, two participants join with the code and answer, the projector
 * view shows both answers live, and a proposal appears once the facilitator approves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Fremtidsdialog', () => {
  it('two participants answer and the projector view shows both', async () => {
    const facilitator = await h.newPage({ name: 'Fasilitator' });
    await facilitator.goto(`${h.server.url}/fremtid/dialog`);
    await facilitator
      .getByRole('combobox', { name: 'Kommune eller fylke for dialogen' })
      .fill('Halden');
    await facilitator.getByRole('option', { name: 'Halden (3101)' }).click();
    await facilitator.getByTestId('dialog-region').waitFor();
    await facilitator.getByRole('textbox', { name: 'Tittel på dialogen' }).fill('Halden mot 2040');
    await facilitator.getByRole('button', { name: 'Opprett dialog' }).click();
    await facilitator.waitForURL(/\/fremtid\/dialog\/[A-Z0-9]{6}\/fasilitator$/);
    const code = (await facilitator.getByTestId('dialog-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    // The projector and the participants need no account (a code, or the projector address).
    const projector = await h.newPage({ name: 'Skjerm', signedIn: false });
    await projector.goto(`${h.server.url}/fremtid/dialog/${code}/skjerm`);
    await projector.getByTestId('result-0').waitFor();

    const answers = ['Enig', 'Uenig'] as const;
    const participants = [];
    for (const [i, choice] of answers.entries()) {
      const p = await h.newPage({ name: `Deltaker ${i + 1}`, signedIn: false });
      await p.goto(`${h.server.url}/fremtid/dialog`);
      await p.getByRole('textbox', { name: 'Kode (6 tegn)' }).fill(code.toLowerCase());
      await p.getByRole('button', { name: 'Bli med' }).click();
      const first = p.getByRole('group').first();
      await first.getByRole('radio', { name: choice, exact: true }).check();
      await p.getByText('Svaret er lagret.').waitFor();
      participants.push(p);
    }
    // Changing one's mind updates the answer instead of adding one.
    const second = participants[1]!;
    await second
      .getByRole('group')
      .first()
      .getByRole('radio', { name: 'Usikker', exact: true })
      .check();
    // The first answer is stored (the projector counts it) before it is changed, so the
    // counts below prove that a changed answer replaces the old one instead of adding to it.
    const result = projector.getByTestId('result-0');
    await expect.poll(() => result.getAttribute('data-unsure')).toBe('1');
    await second
      .getByRole('group')
      .first()
      .getByRole('radio', { name: 'Uenig', exact: true })
      .check();

    await expect
      .poll(async () => ({
        participants: await projector
          .getByTestId('projector-participants')
          .getAttribute('data-count'),
        agree: await result.getAttribute('data-agree'),
        disagree: await result.getAttribute('data-disagree'),
        unsure: await result.getAttribute('data-unsure'),
      }))
      .toEqual({ participants: '2', agree: '1', disagree: '1', unsure: '0' });
    expect(await result.textContent()).toContain('Enig: 1 · Uenig: 1 · Usikker: 0');

    // A reload keeps the participant's own answer (token on the device, no account).
    await second.reload();
    await expect
      .poll(
        () =>
          second
            .getByRole('group')
            .first()
            .getByRole('radio', { name: 'Uenig', exact: true })
            .isChecked(),
        { timeout: 10_000 },
      )
      .toBe(true);

    // A proposal waits for the facilitator.
    const first = participants[0]!;
    await first
      .getByRole('textbox', { name: 'Foreslå en ny påstand' })
      .fill('Kommunen bør satse på velferdsteknologi');
    await first.getByRole('button', { name: 'Send forslag' }).click();
    await first.getByText('Forslaget er sendt til fasilitator.').waitFor();
    await facilitator
      .getByText('Kommunen bør satse på velferdsteknologi')
      .waitFor({ timeout: 10_000 });
    const before = await projector.locator('[data-testid^="result-"]').count();
    await facilitator.getByRole('button', { name: 'Godkjenn' }).click();
    await expect.poll(() => projector.locator('[data-testid^="result-"]').count()).toBe(before + 1);
    for (const p of [facilitator, projector, ...participants]) await p.context().close();
  });
});
