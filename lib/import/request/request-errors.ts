import { ProtocolError } from '@/lib/errors';

/** Zoho's answer to a key the request leaves out: MANDATORY_NOT_FOUND naming the key and where it belongs. */
export function missing(key: string, path = `$.${key}`): never {
  throw new ProtocolError('MANDATORY_NOT_FOUND', `Required key ${key} is not available.`, {
    api_name: key,
    json_path: path,
  });
}

/** Zoho's answer to a key whose value cannot be used: INVALID_DATA naming the key and where it is. */
export function invalid(key: string, message: string, path = `$.${key}`): never {
  throw new ProtocolError('INVALID_DATA', message, { api_name: key, json_path: path });
}
