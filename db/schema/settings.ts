import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** Instance-wide values every app instance must share (such as the generated auth secret). */
export const appSetting = pgTable('app_setting', {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});
