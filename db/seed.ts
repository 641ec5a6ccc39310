import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Db } from './client';
import { item, partner, user, warehouse } from './schema';
import { createUser } from '@/lib/users/users';
import { DEMO_ITEMS, DEMO_PARTNERS, DEMO_USERS, DEMO_WAREHOUSES } from './seed-data';
import { withCodeKeys } from '@/lib/catalog/code-key';

export type SeedOptions = { demo: boolean; adminEmail?: string; adminPassword?: string; log?: (m: string) => void };

/** First-run data. Safe to call on every start: it only fills an empty database. */
export async function seedDatabase(db: Db, opts: SeedOptions): Promise<void> {
  const log = opts.log ?? console.log;
  const [{ users }] = await db.select({ users: count() }).from(user);
  if (users > 0) return;
  await db.transaction(async (tx) => {
    if (opts.adminEmail && opts.adminPassword) {
      await createUser(tx, {
        name: 'Administrator',
        email: opts.adminEmail,
        password: opts.adminPassword,
        role: 'admin',
      });
      log(`[seed] created the admin ${opts.adminEmail} (password from ADMIN_PASSWORD)`);
    } else if (opts.demo) {
      for (const demo of DEMO_USERS) await createUser(tx, demo);
      log(`[seed] demo sign-in: ${DEMO_USERS.map((u) => `${u.email} / ${u.password} (${u.role})`).join(', ')}`);
    } else {
      const password = randomBytes(9).toString('base64url');
      await createUser(tx, { name: 'Administrator', email: 'admin@example.com', password, role: 'admin' });
      log(`[seed] created admin@example.com with the one-time password ${password}; change it after signing in`);
    }
    if (opts.demo) await seedCatalog(tx as unknown as Db);
  });
}

async function seedCatalog(db: Db): Promise<void> {
  const [{ items }] = await db.select({ items: count() }).from(item);
  if (items > 0) return;
  await db.insert(warehouse).values(withCodeKeys(DEMO_WAREHOUSES));
  await db.insert(partner).values(withCodeKeys(DEMO_PARTNERS));
  await db.insert(item).values(withCodeKeys(DEMO_ITEMS));
}
