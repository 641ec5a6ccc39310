import { documentModule } from './documents';

export const goodsReceipts = documentModule('goods_receipt', {
  description: 'Goods receipts: goods received into a warehouse, with the serial numbers of tracked items.',
  example: {
    Date: '2026-11-22', Partner: { Code: 'ACME' }, Warehouse: { Code: 'MAIN' }, Note: 'Delivery 4711',
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '2', Unit_Price: '180', Serial_Numbers: ['SN-0001', 'SN-0002'] }],
  },
});
