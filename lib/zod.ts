import { z } from 'zod';

/**
 * Zod as every module here uses it. The extension's pages and its background run under a CSP
 * without 'unsafe-eval', and on its first parse Zod probes for `new Function` to compile faster
 * parsers: the browser refuses it and fires a `securitypolicyviolation` event each time a page or
 * the worker starts, although Zod catches the refusal and parses without it. `jitless` skips the
 * probe. Parsing is the path the browser took anyway, and the Node tests, where eval is allowed,
 * now run that same path rather than Zod's compiled one.
 */
z.config({ jitless: true });

export { z };
