// Departments (組織) come as a flat list with parent codes, in the server's order (sort order,
// then id); screens show them as a tree. A department whose parent is not in the list (it should
// not happen, but a tree must never lose a node) is shown at the top level.
import type { OrganizationJson } from '../../../../common/api/organizations.js';

export interface DepartmentNode {
  department: OrganizationJson;
  depth: number;
  children: DepartmentNode[];
}

const key = (code: string) => code.toLowerCase();

export function departmentTree(list: readonly OrganizationJson[]): DepartmentNode[] {
  const byCode = new Map(list.map((d) => [key(d.code), d]));
  const childrenOf = new Map<string | null, OrganizationJson[]>();
  for (const d of list) {
    const parent = d.parentCode && byCode.has(key(d.parentCode)) ? key(d.parentCode) : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(d);
    childrenOf.set(parent, siblings);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): DepartmentNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((d) => !seen.has(key(d.code)))
      .map((d) => {
        seen.add(key(d.code));
        return { department: d, depth, children: build(key(d.code), depth + 1) };
      });
  const roots = build(null, 0);
  // A cycle the server refuses to make would leave nodes unreached: show them at the top.
  for (const d of list) if (!seen.has(key(d.code))) roots.push({ department: d, depth: 0, children: [] });
  return roots;
}

/** The tree in reading order, each with its depth: for indented lists and pickers. */
export function flatten(nodes: readonly DepartmentNode[]): DepartmentNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** A department and everything beneath it: what cannot become its parent. */
export function descendantCodes(nodes: readonly DepartmentNode[], code: string): Set<string> {
  const found = flatten(nodes).find((n) => key(n.department.code) === key(code));
  return new Set(found ? flatten([found]).map((n) => n.department.code) : []);
}
