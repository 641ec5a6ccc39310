import { partner, PARTNER_TYPES } from '@/db/schema';
import { createPartner, updatePartner } from '@/lib/catalog/partners';
import { partnerSchema, type PartnerInput } from '@/lib/validation/catalog';
import { dataField, idField, timeField, type Field } from '../fields';
import type { RecordModule } from '../module';
import { deletePartner } from '@/lib/catalog/delete';
import { catalogWrites } from '../write/catalog';

const s = partnerSchema.shape;

const fields: Field[] = [
  idField(partner.id),
  dataField('Code', partner.code, 'text', { in: s.code, input: 'code', word: true, description: 'Unique partner code.' }),
  dataField('Name', partner.name, 'text', { in: s.name, input: 'name', word: true }),
  dataField('Type', partner.type, 'enum', { in: s.type, input: 'type', values: PARTNER_TYPES, description: 'supplier, customer or both.' }),
  dataField('VAT_ID', partner.vatId, 'text', { in: s.vatId, input: 'vatId', nullable: true, word: true }),
  dataField('Email', partner.email, 'text', { in: s.email, input: 'email', nullable: true }),
  dataField('Phone', partner.phone, 'text', { in: s.phone, input: 'phone', nullable: true }),
  dataField('Address', partner.address, 'text', { in: s.address, input: 'address', nullable: true }),
  timeField('Created_Time', partner.createdAt),
  timeField('Modified_Time', partner.updatedAt),
];

export const partners: RecordModule = {
  api: 'Partners',
  singular: 'partner',
  description: 'Suppliers and customers: the partners of receipts, issues and invoices.',
  read: 'partners.read',
  write: 'partners.write',
  table: partner,
  fields,
  defaultOrder: [partner.id],
  example: { Code: 'ACME', Name: 'Acme Ltd.', Type: 'supplier', VAT_ID: 'CZ12345678', Email: 'orders@acme.example' },
  writes: catalogWrites<PartnerInput>(fields, {
    create: createPartner,
    update: updatePartner,
    remove: deletePartner,
    duplicateCheckFields: ['Code'],
  }),
};
