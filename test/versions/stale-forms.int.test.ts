import { beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, document, item, partner, warehouse } from '@/db/schema';
import { postDocument } from '@/lib/inventory/post';
import { createUser } from '@/lib/users/users';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';

// The forms' server actions read the caller from the request headers; each call here carries one user's session.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { updateItemAction } = await import('@/app/(app)/items/actions');
const { savePartnerAction } = await import('@/app/(app)/partners/actions');
const { saveWarehouseAction } = await import('@/app/(app)/warehouses/actions');
const { saveDocumentAction } = await import('@/app/(app)/_documents/actions');
const { toWire } = await import('@/components/documents/serials-wire');

const PASSWORD = 'stale-forms-password';
const STALE = /^Changed by Anna Novak at \d{2}:\d{2} after you opened it; reload to see the changes\.$/;

/*
 * Two users open the same edit form (version 1). Anna saves first; Ben's save, made from the version he
 * loaded, is refused with who changed it and when, as CONFLICT with the reload offer; after reloading
 * (version 2) his save goes through. Through the forms' own server actions, for every edited entity.
 */
describe('a form saved over a newer version', async () => {
  const { db } = await useTestDatabase();
  const world = await seedWorld(db);
  let anna: { id: number; cookie: string };
  let ben: { id: number; cookie: string };

  beforeAll(async () => {
    const signUp = async (name: string) => {
      const email = `${name.split(' ')[0].toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`;
      const id = await createUser(db, { name, email, role: 'admin', password: PASSWORD });
      return { id, cookie: await sessionCookie(email, PASSWORD) };
    };
    anna = await signUp('Anna Novak');
    ben = await signUp('Ben Brown');
  });

  const as = (user: { cookie: string }) => {
    request.headers = new Headers({ cookie: user.cookie });
  };

  /** Anna saves `first` from version 1, Ben `second` from version 1 (refused), then from version 2 (accepted). */
  async function race<T>(save: (version: number, values: T) => Promise<unknown>, first: T, second: T) {
    as(anna);
    expect(await save(1, first)).toMatchObject({ ok: true });
    as(ben);
    const stale = await save(1, second);
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', reload: true, error: expect.stringMatching(STALE) });
    expect(await save(2, second)).toMatchObject({ ok: true });
  }

  it('items', async () => {
    const values = (name: string) => ({ code: 'ACME-1', name, trackSerials: true });
    await race(
      (version, v) => updateItemAction({ id: String(world.tracked), version, values: v }),
      values("Anna's name"),
      values("Ben's name"),
    );
    const [row] = await db.select().from(item).where(eq(item.id, world.tracked));
    expect(row).toMatchObject({ name: "Ben's name", version: 3, updatedBy: ben.id });
  });

  it('partners', async () => {
    const values = (name: string) => ({ code: 'SUP', name, type: 'supplier' as const });
    await race(
      (version, v) => savePartnerAction({ id: String(world.supplier), version, values: v }),
      values('Anna Supplies'),
      values('Ben Supplies'),
    );
    const [row] = await db.select().from(partner).where(eq(partner.id, world.supplier));
    expect(row).toMatchObject({ name: 'Ben Supplies', version: 3, updatedBy: ben.id });
  });

  it('warehouses', async () => {
    const values = (name: string) => ({ code: 'SHOP', name });
    await race(
      (version, v) => saveWarehouseAction({ id: String(world.shop), version, values: v }),
      values("Anna's shop"),
      values("Ben's shop"),
    );
    const [row] = await db.select().from(warehouse).where(eq(warehouse.id, world.shop));
    expect(row).toMatchObject({ name: "Ben's shop", version: 3, updatedBy: ben.id });
  });

  it('documents, with one audit entry per accepted save and none for the refused one', async () => {
    const receipt = (note: string) => ({
      kind: 'goods_receipt' as const,
      date: '2026-11-22',
      warehouseId: String(world.main),
      note,
      lines: [{ itemId: String(world.plain), quantity: '5' }],
    });
    const posted = await postDocument(db, receipt('posted'), { userId: anna.id });
    await race(
      (version, v) => saveDocumentAction('goods_receipt', { id: String(posted.id), version, values: toWire(v) }),
      receipt("Anna's note"),
      receipt("Ben's note"),
    );
    const [row] = await db.select().from(document).where(eq(document.id, posted.id));
    expect(row).toMatchObject({ note: "Ben's note", version: 3, updatedBy: ben.id });
    const log = await db
      .select({ action: auditLog.action, userId: auditLog.userId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'document'), eq(auditLog.entityId, posted.id)))
      .orderBy(auditLog.id);
    expect(log).toEqual([
      { action: 'create', userId: anna.id },
      { action: 'update', userId: anna.id },
      { action: 'update', userId: ben.id },
    ]);
  });

  it('names the date when the change was not made today, and "another user" when nobody is recorded', async () => {
    await db
      .update(warehouse)
      .set({ updatedBy: null, updatedAt: new Date('2026-03-04T09:05:00Z') })
      .where(eq(warehouse.id, world.main));
    as(ben);
    const stale = await saveWarehouseAction({
      id: String(world.main),
      version: 7,
      values: { code: 'MAIN', name: 'x' },
    });
    expect(stale).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      reload: true,
      error: 'Changed by another user on 2026-03-04 at 09:05 after you opened it; reload to see the changes.',
    });
  });
});
