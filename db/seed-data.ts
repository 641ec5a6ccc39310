import type { CreateUserInput } from '@/lib/validation/users';

export const DEMO_USERS: (CreateUserInput & { password: string })[] = [
  { name: 'Ada Admin', email: 'admin@example.com', password: 'admin1234', role: 'admin' },
  { name: 'Alice Accountant', email: 'accountant@example.com', password: 'accountant1234', role: 'accountant' },
  { name: 'Walter Warehouse', email: 'warehouse@example.com', password: 'warehouse1234', role: 'warehouse' },
];

export const DEMO_WAREHOUSES = [
  { code: 'MAIN', name: 'Main warehouse' },
  { code: 'STORE', name: 'Store front' },
];

export const DEMO_PARTNERS = [
  {
    code: 'SUP-ACME',
    name: 'Acme Components s.r.o.',
    type: 'supplier' as const,
    vatId: 'CZ12345678',
    email: 'orders@acme.example',
    phone: '+420123456789',
    address: 'Průmyslová 12, Praha',
  },
  {
    code: 'SUP-NORD',
    name: 'Nordic Devices AB',
    type: 'supplier' as const,
    vatId: 'SE556677889901',
    email: 'sales@nordic.example',
    phone: '+46812345678',
    address: 'Storgatan 1, Stockholm',
  },
  {
    code: 'CUS-BETA',
    name: 'Beta Retail a.s.',
    type: 'customer' as const,
    vatId: 'CZ87654321',
    email: 'buy@beta.example',
    phone: '+420987654321',
    address: 'Náměstí 5, Brno',
  },
  {
    code: 'CUS-GAMMA',
    name: 'Gamma Service GmbH',
    type: 'customer' as const,
    vatId: 'DE123456789',
    email: 'info@gamma.example',
    phone: '+4930123456',
    address: 'Hauptstraße 9, Berlin',
  },
  {
    code: 'PAR-DELTA',
    name: 'Delta Trading',
    type: 'both' as const,
    vatId: null,
    email: 'delta@delta.example',
    phone: null,
    address: null,
  },
];

type DemoItem = {
  code: string;
  name: string;
  unit: string;
  purchasePrice: string;
  salePrice: string;
  vatRate: string;
  ean: string | null;
  trackSerials: boolean;
  minStock: string | null;
  saleWarrantyMonths: number | null;
  purchaseWarrantyMonths: number | null;
};
const tracked = (code: string, name: string, buy: string, sell: string, ean: string): DemoItem => ({
  code,
  name,
  unit: 'pcs',
  purchasePrice: buy,
  salePrice: sell,
  vatRate: '21',
  ean,
  trackSerials: true,
  minStock: '2',
  // The demo's serial-tracked goods carry the usual two years to the customer and one from the supplier.
  saleWarrantyMonths: 24,
  purchaseWarrantyMonths: 12,
});
const plain = (code: string, name: string, unit: string, buy: string, sell: string, ean: string | null): DemoItem => ({
  code,
  name,
  unit,
  purchasePrice: buy,
  salePrice: sell,
  vatRate: '21',
  ean,
  trackSerials: false,
  minStock: null,
  saleWarrantyMonths: null,
  purchaseWarrantyMonths: null,
});

export const DEMO_ITEMS: DemoItem[] = [
  tracked('LAP-14', 'Laptop 14" Pro', '18500', '24990', '8590000000015'),
  tracked('LAP-16', 'Laptop 16" Studio', '27900', '35990', '8590000000022'),
  tracked('PHN-X1', 'Smartphone X1 128 GB', '9800', '12990', '8590000000107'),
  tracked('PHN-X2', 'Smartphone X2 256 GB', '13900', '17990', '8590000000114'),
  tracked('TAB-10', 'Tablet 10"', '5400', '7490', '8590000000213'),
  tracked('MON-27', 'Monitor 27" 4K', '6900', '8990', '8590000000329'),
  tracked('RTR-AX', 'Wi-Fi 6 router', '1900', '2690', '8590000000404'),
  tracked('SW-24', 'Switch 24 ports', '3500', '4790', '8590000000428'),
  tracked('CAM-IP', 'IP camera', '1450', '2190', '8590000000503'),
  tracked('PRN-LJ', 'Laser printer', '4200', '5590', '8590000000602'),
  plain('CBL-HDMI', 'HDMI cable 2 m', 'pcs', '89', '199', '8590000000701'),
  plain('CBL-USB-C', 'USB-C cable 1 m', 'pcs', '59', '149', '8590000000718'),
  plain('CBL-CAT6', 'Network cable Cat6', 'm', '6.5', '14.9', null),
  plain('MOUSE-W', 'Wireless mouse', 'pcs', '210', '390', '8590000000800'),
  plain('KBD-CZ', 'Keyboard CZ layout', 'pcs', '340', '590', '8590000000817'),
  plain('PAPER-A4', 'Copy paper A4 500 sheets', 'pack', '95', '139', '8590000000909'),
  plain('TONER-LJ', 'Toner for laser printer', 'pcs', '890', '1290', '8590000000916'),
  plain('BAG-15', 'Laptop bag 15"', 'pcs', '320', '590', null),
  plain('SSD-1T', 'SSD 1 TB', 'pcs', '1450', '1990', '8590000001005'),
  plain('RAM-16', 'RAM 16 GB DDR5', 'pcs', '980', '1390', '8590000001012'),
];
