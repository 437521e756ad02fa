import { parseDocument } from '../lib/extract/node';
import { nodeCorpus } from '../tests/unit/security/patterns-corpus';
import { runHarness } from '../tests/unit/security/patterns-harness';

const report = runHarness({ parseHtml: parseDocument, now: new Date('2026-11-01T10:00:00Z'), log: (l) => console.error(l) }, nodeCorpus());
const sorted = [...report.patterns].sort((a, b) => b.worstMs - a.worstMs);
console.log(`patterns: ${report.patterns.length}`);
for (const p of sorted.slice(0, 40)) console.log(p.worstMs.toFixed(1).padStart(9), String(p.ms16k.toFixed(1)).padStart(8), String(p.growth?.toFixed(1) ?? '-').padStart(6), p.where, `/${p.source.slice(0, 80)}/${p.flags}`, p.input, p.error ?? '');
const cases = [...report.cases].sort((a, b) => b.ms - a.ms);
for (const c of cases.slice(0, 20)) console.log(c.ms.toFixed(1).padStart(9), c.name, c.error ?? '');
