/**
 * Fetching a shop's stock feed from the address it gave, safely: https only, to
 * public addresses only. The host's addresses are checked in the connection's
 * own DNS lookup (the address checked is the address connected to, so a name
 * that resolves to a public address when set and to 127.0.0.1 when fetched gets
 * nowhere), redirects are followed by hand and checked again, and the answer is
 * cut off at a size and a time limit. `allowPrivate` (CITYLAB_FEED_ALLOW_PRIVATE,
 * for tests) lifts the address rule and allows http.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { FeedFetchFailure } from 'citylab-sdk/contract';

/** Largest feed read (a shop's whole list; 20,000 articles as CSV are about 1.5 MB). */
export const FEED_MAX_BYTES = 16 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

/**
 * Every range that is not the public internet (IANA special-purpose registries): loopback,
 * RFC 1918, CGNAT, link-local, multicast, unspecified, documentation, benchmarking, reserved;
 * fc00::/7, fe80::/10, ff00::/8, and the IPv6 forms that embed an IPv4 address (IPv4-mapped
 * ones are checked against the IPv4 ranges by BlockList itself).
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

/** True for an address the endpoint must not fetch from (see BLOCKED). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (!family) return true;
  return BLOCKED.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export class FeedFetchError extends Error {
  constructor(readonly failure: FeedFetchFailure, message: string, readonly httpStatus?: number) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

/**
 * Why the endpoint will not fetch `raw` (in English), or null: a URL, https (or http with
 * `allowPrivate`), and a host that is not a private address written out. A name is checked
 * when it is resolved (see lookup), and here too so that a shop hears of it at once.
 */
export async function refuseFeedUrl(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an address like https://shop.example/stock.csv';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'only https addresses are fetched';
  if (url.username || url.password) return 'an address with a user name or password is not fetched';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPrivateAddress(host) ? `${host} is not a public address` : null;
  if (!host.includes('.') || /\.(localhost|local|internal|home\.arpa)$/i.test(host)) return `${host} is not a public host name`;
  const addresses = await new Promise<LookupAddress[] | null>((resolve) => dnsLookup(host, { all: true }, (err, list) => resolve(err ? null : list)));
  if (addresses === null) return `${host} cannot be found`;
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  return bad ? `${host} points to ${bad.address}, not a public address` : null;
}

/** The DNS lookup of a feed's connection: refuses a name with any non-public address. */
function publicLookup(hostname: string, options: { family?: number | string; all?: boolean }, callback: (...args: unknown[]) => void): void {
  dnsLookup(hostname, { all: true, ...(options.family ? { family: Number(options.family) || 0 } : {}) }, (err, addresses) => {
    if (err) return callback(err);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad || !addresses.length) return callback(Object.assign(new Error(`${hostname} is not a public address`), { code: 'FEED_PRIVATE_ADDRESS' }));
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

export interface FeedAnswer {
  status: 200 | 304;
  text: string;
  mediaType: string;
  etag: string | null;
  lastModified: string | null;
}

/**
 * GETs the feed with the last success's validators. 200 (the text) or 304; anything
 * else is a FeedFetchError saying why.
 */
export async function fetchFeed(
  raw: string,
  validators: { etag: string | null; lastModified: string | null },
  options: { allowPrivate: boolean; timeoutMs?: number; maxBytes?: number },
): Promise<FeedAnswer> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS);
  let url = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const refused = await refuseLiteral(url, options.allowPrivate);
    if (refused) throw new FeedFetchError('address', refused);
    const answer = await get(url, validators, signal, options);
    if ('location' in answer) {
      url = new URL(answer.location, url).href;
      continue;
    }
    return answer;
  }
  throw new FeedFetchError('redirects', `more than ${MAX_REDIRECTS} redirects`);
}

/** The checks that need no lookup (the lookup hook checks names as it resolves them). */
async function refuseLiteral(raw: string, allowPrivate: boolean): Promise<string | null> {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'only https addresses are fetched';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) return `${host} is not a public address`;
  return null;
}

function get(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  signal: AbortSignal,
  options: { allowPrivate: boolean; maxBytes?: number },
): Promise<FeedAnswer | { location: string }> {
  const max = options.maxBytes ?? FEED_MAX_BYTES;
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'text/csv, text/tab-separated-values, text/plain;q=0.9, */*;q=0.1', 'Accept-Encoding': 'identity', 'User-Agent': 'CityLab stock feed' };
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    const req = client.get(url, { headers, signal, agent: false, ...(options.allowPrivate ? {} : { lookup: publicLookup as never }) }, (res) => {
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
        res.resume();
        return resolve({ location: res.headers.location });
      }
      if (status === 304) {
        res.resume();
        return resolve({ status: 304, text: '', mediaType: '', etag: validators.etag, lastModified: validators.lastModified });
      }
      if (status !== 200) {
        res.resume();
        return reject(new FeedFetchError('status', `the server answered ${status}`, status));
      }
      if (Number(res.headers['content-length'] ?? 0) > max) {
        res.destroy();
        return reject(new FeedFetchError('too-large', `larger than ${Math.round(max / 1024 / 1024)} MB`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > max) {
          res.destroy();
          reject(new FeedFetchError('too-large', `larger than ${Math.round(max / 1024 / 1024)} MB`));
        } else chunks.push(chunk);
      });
      res.on('error', (err) => reject(failure(err, signal)));
      res.on('end', () => {
        if (size > max) return;
        resolve({
          status: 200,
          text: Buffer.concat(chunks).toString('utf8'),
          mediaType: (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(),
          etag: typeof res.headers.etag === 'string' ? res.headers.etag : null,
          lastModified: typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'] : null,
        });
      });
    });
    req.on('error', (err) => reject(failure(err, signal)));
  });
}

function failure(err: Error, signal: AbortSignal): FeedFetchError {
  if (err instanceof FeedFetchError) return err;
  if (signal.aborted) return new FeedFetchError('timeout', 'no complete answer in time');
  if ((err as { code?: string }).code === 'FEED_PRIVATE_ADDRESS') return new FeedFetchError('address', err.message);
  return new FeedFetchError('network', (err as { code?: string }).code ?? err.message);
}
