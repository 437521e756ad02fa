/**
 * The page as DevTools' DOM domain gives it (`DOM.getDocument` with `pierce: true`): closed shadow
 * roots included, which no page script can open. The drivers read Job Lens's banner, note and
 * marks through it.
 */
export interface DomNode {
  nodeId?: number;
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  /** Name, value, name, value, … */
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

export function attribute(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

/** Every node below `node`, itself first, shadow roots before children. */
export function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const root of node.shadowRoots ?? []) yield* walk(root);
  for (const child of node.children ?? []) yield* walk(child);
}

export function find(node: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  for (const n of walk(node)) if (test(n)) return n;
  return undefined;
}

export function textOf(node: DomNode): string {
  return [...walk(node)]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.nodeValue ?? '')
    .join('');
}
