/**
 * True when running under Node.js (or a runtime that provides `process.versions.node`).
 * @example isNode() // true in Node, false in a browser
 */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/**
 * Reads an environment variable where there is an environment (Node), else `undefined`; empty is unset.
 * @example envVar('HORN_HOME') // '/home/me/.horn' or undefined
 */
export function envVar(name: string): string | undefined {
  if (typeof process === 'undefined' || process.env === undefined) return undefined;
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Lower-case hex sha256 of bytes, via Web Crypto (Node 20+ and browsers).
 * @example await sha256Hex(new Uint8Array()) // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
