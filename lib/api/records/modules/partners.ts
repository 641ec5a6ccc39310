import { partner } from '@/db/schema';
import { deletePartner } from '@/lib/catalog/delete';
import { createPartner, updatePartner } from '@/lib/catalog/partners';
import { PARTNERS } from '@/lib/modules';
import { partnerSchema, type PartnerInput } from '@/lib/validation/catalog';
import { catalogRecordModule } from './catalog-module';

export const partners = catalogRecordModule<PartnerInput>(PARTNERS, partner, partnerSchema, {
  create: createPartner,
  update: updatePartner,
  remove: deletePartner,
});
