import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { getCompanySettings } from '@/lib/settings/company';
import { SettingsForm } from './settings-form';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requirePagePermission('settings.manage', '/admin/settings');
  const settings = await getCompanySettings(getDb());
  return (
    <>
      <PageHeader title="Settings" description="The company's defaults for invoices and document numbers." />
      <Card title="Company defaults">
        <SettingsForm initial={settings} />
      </Card>
    </>
  );
}
