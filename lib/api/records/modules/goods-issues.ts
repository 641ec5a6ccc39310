import { documentModule } from './documents';

export const goodsIssues = documentModule('goods_issue', {
  description: 'Goods issues: goods leaving a warehouse; tracked items name the serial numbers in stock that leave.',
  example: {
    Date: '2026-11-22', Partner: { Code: 'SHOP-7' }, Warehouse: { Code: 'MAIN' },
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '1', Serial_Numbers: ['SN-0001'] }],
  },
});
