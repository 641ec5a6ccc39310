import type { Role } from './roles';

/** Who is acting: a signed-in user, or an API key acting with its own role on behalf of its creator. */
export type Principal = {
  kind: 'user' | 'apiKey';
  userId: number;
  userName: string;
  email: string;
  role: Role;
  apiKeyId?: bigint;
};
