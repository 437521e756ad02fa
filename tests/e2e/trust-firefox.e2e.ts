import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { ADDON_ID, ADDON_UUID, launchFirefox } from './firefox';
import { FIREFOX_BUILD, waitFor, waitForJobRow, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { builtManifest, documentWithoutOwnScript, hostilePage, readObservations } from './trust-pages';

/**
 * Trust boundaries in Firefox, on the built add-on: a page that answers WXT's "content script
 * started" handshake (under the add-on id, which is also what it would have learned) does not
 * stop Job Lens, and nothing carrying the add-on id or its internal UUID reaches the page; the
 * manifest asks for https only, with an explicit CSP.
 */

const jobs = jobFixtures(loadFixtures());
const HOSTILE = fixtureNamed(jobs, 'bytedance-dl');

describe('firefox: trust boundaries', () => {
  let server: FixtureServer;
  let firefox: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer(jobs);
    firefox = await launchFirefox(server.port);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('asks for https only, with an explicit CSP', () => {
    const manifest = builtManifest(FIREFOX_BUILD) as {
      permissions: string[];
      content_scripts: { matches: string[] }[];
      content_security_policy: string;
      incognito: string;
      externally_connectable?: unknown;
    };
    // MV2 lists host access among the permissions: everything else is a named API permission,
    // exactly the README's three (the backup copy, exemption from eviction, the flows script).
    const named = manifest.permissions.filter((p) => !p.includes('://'));
    expect([...named].sort()).toEqual(['scripting', 'storage', 'unlimitedStorage']);
    const hosts = manifest.permissions.filter((p) => p.includes('://'));
    expect(hosts.length).toBeGreaterThan(0);
    for (const pattern of [...hosts, ...manifest.content_scripts.flatMap((c) => c.matches)]) {
      expect(pattern).toMatch(/^https:\/\/[a-z.]+\/\*$/);
    }
    expect(manifest.content_security_policy).toContain("script-src 'self'");
    expect(manifest.content_security_policy).toContain("object-src 'none'");
    expect(manifest.incognito).toBe('spanning');
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it("keeps working on a page that answers WXT's handshake, and tells the page nothing", async () => {
    server.addPage(HOSTILE.url.href, hostilePage(HOSTILE.html, [ADDON_ID, ADDON_UUID]));
    const tab = await firefox.open(HOSTILE.url.href);
    try {
      const row = await waitForJobRow(firefox, HOSTILE.posting.jobId);
      expect(row.title).toBe(HOSTILE.posting.title);
      // The page goes on answering the handshake (every 25 ms, slower when the browser is busy):
      // whatever the content script might have announced meanwhile, the page would have seen it.
      const seen = await waitFor('the page to have answered the handshake more than 10 times', async () => {
        const observed = await tab.evaluate(readObservations, undefined);
        return observed.sent > 10 ? observed : undefined;
      });
      expect(seen.seen.filter((text) => !text.includes('"messageId":"page"'))).toEqual([]);
      const page = await tab.evaluate(documentWithoutOwnScript, undefined);
      expect(page).not.toContain(ADDON_ID);
      expect(page).not.toContain(ADDON_UUID);
    } finally {
      await tab.close();
    }
  });
});
