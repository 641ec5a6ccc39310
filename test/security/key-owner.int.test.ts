import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { user } from '@/db/schema';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { listApiKeysPage, listUsersPage, parseApiKeyListParams, parseUserListParams } from '@/lib/users/queries';
import { createUser, setUserActive } from '@/lib/users/users';
import { dispatch } from '@/test/import/api';
import { call } from '@/test/api/records-client';
import { useTestDatabase } from '@/test/db';

/** Issue 14, finding 2: a key acts for its owner, so it stops the moment the owner is deactivated. */
describe('API keys follow their owner', async () => {
  const { db } = await useTestDatabase();
  const currentUser = async (key: string) => {
    const response = await dispatch(
      new Request('http://localhost/crm/v8/users?type=CurrentUser', {
        headers: { authorization: `Zoho-oauthtoken ${key}` },
      }),
    );
    return { status: response.status, json: await response.json() };
  };

  it("a deactivated owner's keys get 401 INVALID_TOKEN at once; after reactivation only the unrevoked key works again", async () => {
    const keeper = await createUser(db, {
      name: 'Keeper Admin',
      email: 'keeper@example.com',
      role: 'admin',
      password: 'keeper-pass-1',
    });
    const owner = await createUser(db, {
      name: 'Olga Owner',
      email: 'olga@example.com',
      role: 'admin',
      password: 'owner-pass-1',
    });
    const kept = await createApiKey(db, { name: 'ERP', role: 'admin', createdBy: owner });
    const revoked = await createApiKey(db, { name: 'Old ERP', role: 'warehouse', createdBy: owner });
    expect((await currentUser(kept.key)).json.users[0]).toMatchObject({ email: 'olga@example.com', status: 'active' });

    await setUserActive(db, owner, false, keeper);
    for (const key of [kept.key, revoked.key]) {
      const answer = await currentUser(key);
      expect(answer).toMatchObject({ status: 401, json: { code: 'INVALID_TOKEN' } });
    }
    const write = await call(kept.key, 'POST', '/crm/v8/Warehouses', {
      data: [{ Code: 'GHOST', Name: 'Written by a leaver' }],
    });
    expect(write.status).toBe(401);

    await revokeApiKey(db, revoked.id);
    await setUserActive(db, owner, true, keeper);
    expect((await currentUser(kept.key)).status).toBe(200);
    expect((await currentUser(revoked.key)).status).toBe(401);
  });

  it('a user who still owns keys cannot be deleted, so no key is left without an owner', async () => {
    const owner = await createUser(db, {
      name: 'Dora Delete',
      email: 'dora@example.com',
      role: 'warehouse',
      password: 'dora-pass-1',
    });
    await createApiKey(db, { name: 'Dora key', role: 'warehouse', createdBy: owner });
    await expect(db.delete(user).where(eq(user.id, owner))).rejects.toMatchObject({ cause: { code: '23503' } });
  });

  it("the lists show it: a user's unrevoked keys (named in the deactivate dialog) and a key's owner state", async () => {
    const keeper = await createUser(db, {
      name: 'List Keeper',
      email: 'list-keeper@example.com',
      role: 'admin',
      password: 'keeper-pass-1',
    });
    const owner = await createUser(db, {
      name: 'Lena Lister',
      email: 'lena@example.com',
      role: 'warehouse',
      password: 'lena-pass-1',
    });
    await createApiKey(db, { name: 'Lena one', role: 'warehouse', createdBy: owner });
    const gone = await createApiKey(db, { name: 'Lena two', role: 'warehouse', createdBy: owner });
    await createApiKey(db, { name: 'Lena three', role: 'warehouse', createdBy: owner });
    await revokeApiKey(db, gone.id);
    const users = await listUsersPage(db, parseUserListParams({ q: 'lena@' }));
    expect(users.rows).toEqual([expect.objectContaining({ email: 'lena@example.com', activeKeys: 2 })]);
    await setUserActive(db, owner, false, keeper);
    const keys = await listApiKeysPage(db, parseApiKeyListParams({ q: 'Lena' }));
    expect(keys.rows.map((k) => [k.name, k.ownerActive])).toEqual(
      expect.arrayContaining([
        ['Lena one', false],
        ['Lena three', false],
      ]),
    );
  });
});
