import { describe, expect, it } from 'vitest';
import { budgetOf, DOCUMENT_FORM_BUDGET_KB } from './budgets';

describe('budgetOf', () => {
  it('holds every document form, expected receipts too, to the document form budget', () => {
    for (const route of ['/goods-receipts/new', '/transfers/[id]/edit', '/expected-receipts/new'])
      expect(budgetOf(route)).toBe(DOCUMENT_FORM_BUDGET_KB);
  });

  it("gives the scan form's pages (an arrival's edit among them) the scan form budget", () => {
    for (const route of ['/transfers/[id]/receive', '/transfer-arrivals/[id]/edit', '/expected-receipts/[id]/receive'])
      expect(budgetOf(route)).toBe(190);
  });
});
