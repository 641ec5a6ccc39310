import { bigint, integer, numeric, timestamp } from 'drizzle-orm/pg-core';

/** bigint identity primary key; values are JS bigint in code and numeric strings on the wire. */
export const idPk = () => bigint({ mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity();
export const idRef = () => bigint({ mode: 'bigint' });
/** Users come from better-auth, which keeps serial ids as JS numbers. */
export const userRef = () => bigint({ mode: 'number' });

/** Exact decimals, handled as strings: money with 4 places, quantities with 3. */
export const money = () => numeric({ precision: 19, scale: 4 });
export const quantity = () => numeric({ precision: 18, scale: 3 });
export const percent = () => numeric({ precision: 5, scale: 2 });

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * A row's edit count, raised by every update on every path. A form carries the version it was loaded
 * from, and a save over a newer one is refused (lib/versions.ts) instead of silently overwriting it.
 */
export const rowVersion = () => integer().notNull().default(1);
