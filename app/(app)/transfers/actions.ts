'use server';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { arrivalCheckPayload } from '@/lib/actions/payloads';
import { checkArrivalSerials, type CheckArrivalInput } from '@/lib/inventory/queries/transit';

const check = defineAction(
  'serials.read',
  async (input: CheckArrivalInput) => checkArrivalSerials(getDb(), input),
  arrivalCheckPayload,
);

/** Live check of the serials scanned on the receive form: which are not in transit on the transfer (read-only). */
export async function checkArrivalSerialsAction(input: CheckArrivalInput) {
  return check(input);
}
