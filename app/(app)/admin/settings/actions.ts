'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { valuesPayload } from '@/lib/actions/payloads';
import { saveCompanySettings, type CompanySettingsInput } from '@/lib/settings/company';

export const saveSettingsAction = defineAction(
  'settings.manage',
  async (values: CompanySettingsInput) => {
    await saveCompanySettings(getDb(), values);
    revalidatePath('/admin/settings');
    return null;
  },
  valuesPayload,
);
