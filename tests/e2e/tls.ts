import { X509Certificate, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * A throwaway self-signed certificate for the fixture server, made fresh for every run: the
 * careers hosts are HSTS-preloaded (jobs.bytedance.com at least), so both browsers insist on
 * https for them. The browsers are told to accept it (it is trusted by nothing else), and no key
 * is ever written to disk. Node has no certificate builder, hence the few lines of DER below.
 */

const tlv = (tag: number, content: Buffer): Buffer => {
  const n = content.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, content]);
};
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const oid = (dotted: string) => {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const part = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) part.unshift((v & 0x7f) | 0x80);
    out.push(...part);
  }
  return tlv(0x06, Buffer.from(out));
};
const utcTime = (date: Date) => tlv(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));
const name = (commonName: string) => seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName)))));

const ECDSA_WITH_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

export function selfSignedCertificate(hosts: readonly string[]): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const now = Date.now();
  const serial = randomBytes(8);
  serial[0] = (serial[0]! & 0x3f) | 0x40; // positive and minimal, as DER requires
  const subjectAltName = seq(...hosts.map((host) => tlv(0x82, Buffer.from(host))));
  const extensions = tlv(0xa3, seq(seq(oid('2.5.29.17'), tlv(0x04, subjectAltName))));
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // X.509 v3
    tlv(0x02, serial),
    ECDSA_WITH_SHA256,
    name('Job Lens e2e fixture server'),
    seq(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 7 * 86_400_000))),
    name('Job Lens e2e fixture server'),
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, ECDSA_WITH_SHA256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const cert = new X509Certificate(der).toString();
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert };
}
