import { documentModule } from './documents';

export const salesInvoices = documentModule('sales_invoice', {
  description: 'Sales invoices; with Create_Stock_Document (the default) saving one also creates its goods issue.',
  example: {
    Date: '2026-11-22', Partner: { Code: 'SHOP-7' }, Warehouse: { Code: 'MAIN' },
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '1', Unit_Price: '249.90', VAT_Rate: '21', Serial_Numbers: ['SN-0003'] }],
  },
});
