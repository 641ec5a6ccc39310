import { documentModule } from './documents';

export const purchaseInvoices = documentModule('purchase_invoice', {
  description: 'Purchase invoices; with Create_Stock_Document (the default) saving one also creates its goods receipt.',
  example: {
    Date: '2026-11-22', Partner: { Code: 'ACME' }, Warehouse: { Code: 'MAIN' }, Create_Stock_Document: true,
    Lines: [{ Item: { EAN: '8590000020013' }, Quantity: '2', Unit_Price: '180', VAT_Rate: '21', Serial_Numbers: ['SN-0003', 'SN-0004'] }],
  },
});
