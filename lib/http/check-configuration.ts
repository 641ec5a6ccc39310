import { parseTrustProxy } from './client-address';
import { authBaseUrl, publicBaseUrl } from './public-url';

/** Reads every HTTP setting once, so a wrong one fails the start with its own message. */
export function checkHttpConfiguration(): void {
  parseTrustProxy(process.env.TRUST_PROXY);
  publicBaseUrl();
  authBaseUrl();
}
