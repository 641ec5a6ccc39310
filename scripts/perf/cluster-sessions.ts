// Sessions and sign-in throttling across app instances, through the sign-in form's own server actions, each step
// sent to a chosen instance directly (see cluster-checks.ts).
import { randomBytes } from 'node:crypto';
import { DEMO_USERS } from '@/db/seed-data';
import { hostOf, type Check } from './cluster-checks';
import { callServerAction, findServerAction } from './server-actions';

const signInAction = () => findServerAction('app/sign-in/actions.ts', 'signInAction');

/** Signed in through the first instance, the session opens the pages of every other; signed out on one, on none. */
export async function sessionsShared(instances: string[]): Promise<Check[]> {
  const [first, ...others] = instances;
  const last = instances[instances.length - 1];
  const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
  const signIn = await callServerAction(first, signInAction(), [{ email: admin.email, password: admin.password }]);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('better-auth.session_token='));
  if (!cookie)
    return [{ label: `sign-in on ${hostOf(first)} set no session cookie (HTTP ${signIn.status})`, ok: false }];
  const home = async (base: string) => {
    const response = await fetch(`${base}/`, { headers: { cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    return response.status === 200 ? '200' : `${response.status} ${response.headers.get('location') ?? ''}`.trim();
  };
  const usedElsewhere = await Promise.all(others.map(home));
  await callServerAction(last, findServerAction('app/sign-in/actions.ts', 'signOutAction'), [], cookie).then((r) =>
    r.arrayBuffer(),
  );
  const afterSignOut = await home(first);
  return [
    {
      label: `session signed in on ${hostOf(first)} (the sign-in form's action) opens / on ${others.map(hostOf).join(', ')}: ${usedElsewhere.join(', ')}`,
      ok: usedElsewhere.every((status) => status === '200'),
    },
    {
      label: `signed out on ${hostOf(last)}, the same cookie on ${hostOf(first)}: ${afterSignOut} (a redirect to /sign-in expected)`,
      ok: /^30[37] .*\/sign-in/.test(afterSignOut),
    },
  ];
}

/**
 * The sign-in back-off (lib/auth/sign-in-throttle.ts: 5 failures of an account free, the next attempt waits)
 * counts attempts on every instance together: 6 wrong passwords for one account, sent to the instances in turn,
 * meet the wait on the 6th. Counted per instance, no instance would have seen more than 3. The account is made
 * up (unknown accounts are throttled alike) and the client address too (X-Forwarded-For, read with TRUST_PROXY=1),
 * so repeated runs never throttle the load's own address or a real account.
 */
export async function signInThrottleShared(instances: string[], attempts = 6): Promise<Check[]> {
  const tag = randomBytes(4).toString('hex');
  const address = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;
  const outcomes: string[] = [];
  for (let i = 0; i < attempts; i++) {
    const response = await callServerAction(
      instances[i % instances.length],
      signInAction(),
      [{ email: `cluster-throttle-${tag}@example.com`, password: 'wrong-password' }],
      undefined,
      { 'x-forwarded-for': address },
    );
    const text = await response.text();
    outcomes.push(
      text.includes('RATE_LIMITED') ? 'waits' : text.includes('UNAUTHENTICATED') ? 'wrong' : `HTTP ${response.status}`,
    );
  }
  const expected = [...Array<string>(attempts - 1).fill('wrong'), 'waits'];
  return [
    {
      label:
        `sign-in back-off shared: ${attempts} wrong passwords for one account sent to ${instances.map(hostOf).join(', ')} ` +
        `in turn → ${outcomes.join(', ')} (the last must wait)`,
      ok: outcomes.join() === expected.join(),
    },
  ];
}
