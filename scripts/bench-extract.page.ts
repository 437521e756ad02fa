// Bundled into the benchmark page together with the extractor (see bench-extract.ts): it runs in
// the browser, next to the code it measures, so only its result crosses to Node.
import { extractPosting } from '../lib/extract/extract';

export interface Measured {
  extractMs: number;
  floorMs: number;
  ok: boolean;
  reason: string;
  textLength: number;
}

/** Runs in the page: per-iteration time of `work`, median over batches, extraction and floor interleaved. */
export function measureInPage(args: { url: string; batchMs: number; batches: number }): Measured {
  const url = new URL(args.url);
  let sink = 0;
  const floor = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = '';
    while (walker.nextNode()) text += walker.currentNode.nodeValue ?? '';
    // V8 concatenates lazily (a rope of pieces); reading a character makes it build the string,
    // so the floor pays for the concatenation it stands for.
    sink += text.charCodeAt(text.length >> 1) || 0;
    return text.length;
  };
  const extract = () => {
    const result = extractPosting(document, url, new Date());
    sink += result.ok ? 1 : 0;
    return result;
  };
  const perIteration = (work: () => unknown) => {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      work();
      n++;
      elapsed = performance.now() - start;
    } while (elapsed < args.batchMs);
    return elapsed / n;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (let i = 0; i < 3; i++) {
    floor();
    extract();
  }
  const floors: number[] = [];
  const extracts: number[] = [];
  for (let i = 0; i < args.batches; i++) {
    floors.push(perIteration(floor));
    extracts.push(perIteration(extract));
  }
  const result = extract();
  // Published so that no engine may treat the measured work as dead code.
  (globalThis as unknown as { __benchSink: number }).__benchSink = sink;
  return {
    extractMs: median(extracts),
    floorMs: median(floors),
    ok: result.ok,
    reason: result.ok ? '' : result.reason,
    textLength: floor(),
  };
}

(globalThis as unknown as { __jobLensBench: unknown }).__jobLensBench = { measureInPage };
