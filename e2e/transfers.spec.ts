import { expect, test, type Page } from '@playwright/test';
import { signIn, uniqueCode } from './helpers';
import { addItem, receiveSerials, saveDocument, typeSerials } from './document-steps';

test.describe.configure({ mode: 'serial' });

/** A new transfer from one demo warehouse to the other, lines still to add. */
async function startTransfer(page: Page, from = 'MAIN · Main warehouse', to = 'STORE · Store front') {
  await page.goto('/transfers/new');
  await page.getByLabel('From warehouse').selectOption({ label: from });
  await page.getByLabel('To warehouse').selectOption({ label: to });
}

test.describe('transfers move serial numbers between warehouses', () => {
  const prefix = uniqueCode('TRF');
  const serials = ['A', 'B', 'C'].map((s) => `${prefix}-${s}`);
  let transferUrl = '';
  let transferNumber = '';

  test('a transfer picks serials from stock in the source and moves them to the destination', async ({ page }) => {
    await signIn(page, 'warehouse');
    await receiveSerials(page, serials);
    await page.getByRole('navigation').getByRole('link', { name: 'Transfers' }).click();
    await page.getByRole('link', { name: 'New transfer' }).click();
    await page.getByLabel('From warehouse').selectOption({ label: 'MAIN · Main warehouse' });
    await page.getByLabel('To warehouse').selectOption({ label: 'STORE · Store front' });
    await expect(page.getByLabel('Supplier')).toHaveCount(0);
    await addItem(page, 'PHN-X1', 1, '2');
    await expect(page.getByLabel('Unit price, line 1', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Pick from stock' }).click();
    await dialog.getByLabel('Search serials in stock').fill(prefix);
    await dialog.getByLabel(serials[0], { exact: true }).check();
    await dialog.getByLabel(serials[1], { exact: true }).check();
    await expect(dialog.getByRole('status', { name: 'Serial numbers entered' })).toHaveText('2 / 2');
    await dialog.getByRole('button', { name: 'Done' }).click();
    transferNumber = await saveDocument(page, 'Transfer');
    expect(transferNumber).toMatch(/^TR-\d{4}-\d{5}$/);
    transferUrl = page.url();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details).toContainText('From warehouse');
    await expect(details).toContainText('MAIN · Main warehouse');
    await expect(details).toContainText('STORE · Store front');
    await expect(page.getByRole('list', { name: 'Serial numbers of line 1' })).toContainText(serials[0]);

    await page.getByRole('link', { name: serials[0], exact: true }).click();
    const moved = page.getByRole('row').filter({ hasText: transferNumber });
    await expect(moved).toContainText('Transferred');
    await expect(moved).toContainText('MAIN → STORE');
  });

  test('a serial no longer in the source is refused, live and on save, saying where it is', async ({ page }) => {
    await signIn(page, 'warehouse');
    await startTransfer(page);
    await addItem(page, 'PHN-X1', 1, '1');
    const dialog = await typeSerials(page, 1, [serials[0]]);
    await expect(
      dialog.getByText(
        `Serial ${serials[0]} of item PHN-X1 is not in stock in warehouse MAIN: it is in warehouse STORE.`,
      ),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Save transfer' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'it is in warehouse STORE' }).first()).toBeVisible();

    await page.getByLabel('To warehouse').selectOption({ label: 'MAIN · Main warehouse' });
    await page.getByRole('button', { name: 'Save transfer' }).click();
    await expect(page.getByLabel('To warehouse')).toHaveAccessibleDescription(
      'The destination must be another warehouse than the source.',
    );
  });

  test('an issue from the destination pins the transfer: note only, no delete', async ({ page }) => {
    await signIn(page, 'warehouse');
    await page.goto('/goods-issues/new');
    await page.getByLabel('Warehouse', { exact: true }).selectOption({ label: 'STORE · Store front' });
    await addItem(page, 'PHN-X1', 1, '1');
    const dialog = await typeSerials(page, 1, [serials[1]]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const issue = await saveDocument(page, 'Goods issue');

    await page.goto(transferUrl);
    await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await expect(page.getByText(/Later documents moved this document’s serial numbers/)).toContainText(issue);
    await page.getByRole('link', { name: 'Edit (note only)' }).click();
    await expect(page.getByLabel('From warehouse')).toBeDisabled();
    await page.getByLabel('Note').fill('sent with the morning van');
    await page.getByRole('button', { name: 'Save transfer' }).click();
    await expect(page.getByRole('heading', { name: `Transfer ${transferNumber}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('sent with the morning van');
  });

  test('an unpinned transfer is deleted and its serial is back in the source', async ({ page }) => {
    await signIn(page, 'warehouse');
    await startTransfer(page);
    await addItem(page, 'PHN-X1', 1, '1');
    const dialog = await typeSerials(page, 1, [serials[2]]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const number = await saveDocument(page, 'Transfer');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(/\/transfers$/);
    await expect(page.getByRole('link', { name: number })).toHaveCount(0);
    await page.goto(`/serial-numbers?q=${serials[2]}`);
    await expect(page.getByRole('row').filter({ hasText: serials[2] })).toContainText('MAIN');
  });

  test('in transit: sent now, received at the destination by scanning; what did not arrive stays listed', async ({
    page,
  }) => {
    const sent = ['X', 'Y', 'Z'].map((s) => `${prefix}-T${s}`);
    await signIn(page, 'warehouse');
    await receiveSerials(page, sent);
    await startTransfer(page);
    await page.getByLabel(/^In transit/).check();
    await addItem(page, 'PHN-X1', 1, '3');
    const dialog = await typeSerials(page, 1, sent);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const number = await saveDocument(page, 'Transfer');
    const inTransit = page.getByRole('region', { name: 'In transit' });
    await expect(inTransit.getByRole('list', { name: 'Serial numbers in transit' })).toContainText(sent[2]);
    const transferPage = page.url();

    await inTransit.getByRole('link', { name: 'Receive' }).click();
    await expect(page.getByRole('heading', { name: `Receive ${number}` })).toBeVisible();
    const scan = page.getByLabel('Scan or type a serial number');
    for (const serial of [sent[0], sent[1], `${prefix}-A`]) {
      await scan.fill(serial);
      await scan.press('Enter');
    }
    await expect(page.getByText(`Serial ${prefix}-A is not in transit on this transfer.`)).toBeVisible();
    await page.getByRole('button', { name: `Remove ${prefix}-A` }).click();
    await expect(page.getByRole('list', { name: 'Not scanned yet: PHN-X1' })).toHaveText(sent[2]);
    await page.getByRole('button', { name: 'Save arrival' }).click();

    await expect(page).toHaveURL(transferPage);
    const after = page.getByRole('region', { name: 'In transit' });
    await expect(after.getByRole('list', { name: 'Arrivals' })).toContainText(/TA-\d{4}-\d{5}/);
    await expect(after.getByRole('list', { name: 'Serial numbers in transit' })).toHaveText(sent[2]);
    await expect(page.getByRole('link', { name: 'Edit (note only)' })).toBeVisible();

    await page.goto(`/serial-numbers?q=${sent[2]}&all=1`);
    await expect(page.getByRole('row').filter({ hasText: sent[2] })).toContainText('In transit');
    await page.goto(`/serial-numbers?q=${sent[0]}`);
    await page.getByRole('link', { name: sent[0], exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Sent in transit' })).toContainText(number);
    await expect(page.getByRole('row').filter({ hasText: 'Arrived' })).toContainText('STORE');
  });

  test('accountants read transfers but cannot write them', async ({ page }) => {
    await signIn(page, 'accountant');
    await page.goto('/transfers');
    await expect(page.getByRole('link', { name: transferNumber })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New transfer' })).toHaveCount(0);
    await page.goto(transferUrl);
    await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
    const response = await page.goto('/transfers/new');
    expect(response?.status()).toBe(403);
  });
});

test.describe('an in-transit transfer received on a phone, and its arrival edited with the same scan form', () => {
  const prefix = uniqueCode('TRP');
  const sent = ['1', '2', '3'].map((s) => `${prefix}-${s}`);

  test('scan two of three at 390×844, then edit the arrival: swap one for the third', async ({ page }) => {
    await signIn(page, 'warehouse');
    await receiveSerials(page, sent);
    await startTransfer(page);
    await page.getByLabel(/^In transit/).check();
    await addItem(page, 'PHN-X1', 1, '3');
    const dialog = await typeSerials(page, 1, sent);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const number = await saveDocument(page, 'Transfer');
    const transferPage = page.url();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('region', { name: 'In transit' }).getByRole('link', { name: 'Receive' }).click();
    await expect(page.getByRole('heading', { name: `Receive ${number}` })).toBeVisible();
    const scan = page.getByLabel('Scan or type a serial number');
    await expect(scan).toBeInViewport();
    for (const serial of sent.slice(0, 2)) {
      await scan.fill(serial);
      await scan.press('Enter');
    }
    await expect(page.getByRole('list', { name: 'Not scanned yet: PHN-X1' })).toHaveText(sent[2]);
    const save = page.getByRole('button', { name: 'Save arrival' });
    await save.scrollIntoViewIfNeeded();
    const box = await save.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await save.click();
    await expect(page).toHaveURL(transferPage);
    const arrivals = page.getByRole('region', { name: 'In transit' }).getByRole('list', { name: 'Arrivals' });
    await arrivals.getByRole('link', { name: /^TA-\d{4}-\d{5}$/ }).click();
    const arrival = ((await page.getByRole('heading', { name: /^Transfer arrival TA-/ }).textContent()) ?? '').replace(
      'Transfer arrival ',
      '',
    );

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('heading', { name: `Edit ${arrival}` })).toBeVisible();
    await page.getByRole('button', { name: `Remove ${sent[1]}` }).click();
    await scan.fill(sent[2]);
    await scan.press('Enter');
    await expect(page.getByRole('list', { name: 'Not scanned yet: PHN-X1' })).toHaveText(sent[1]);
    await page.getByRole('button', { name: 'Save arrival' }).click();
    await expect(page.getByRole('heading', { name: `Transfer arrival ${arrival}` })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Serial numbers of line 1' })).toContainText(sent[2]);

    await page.goto(transferPage);
    await expect(
      page.getByRole('region', { name: 'In transit' }).getByRole('list', { name: 'Serial numbers in transit' }),
    ).toHaveText(sent[1]);
  });
});
