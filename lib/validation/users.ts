import { z } from 'zod';
import { ROLES } from '@/db/schema/auth';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.'));
export const passwordSchema = z
  .string()
  .min(8, 'The password needs at least 8 characters.')
  .max(128, 'The password can have at most 128 characters.');
export const roleSchema = z.enum(ROLES, { message: 'Choose a role: admin, accountant or warehouse.' });

export const createUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name.').max(120, 'The name can have at most 120 characters.'),
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.'),
});

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the key, e.g. the system that will use it.')
    .max(80, 'The name can have at most 80 characters.'),
  role: roleSchema,
});
