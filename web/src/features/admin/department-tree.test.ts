import { describe, expect, it } from 'vitest';
import type { OrganizationJson } from '../../../../common/api/organizations.js';
import { departmentTree, descendantCodes, flatten } from './department-tree';

function dept(code: string, parentCode: string | null = null): OrganizationJson {
  return { id: code, code, name: code.toUpperCase(), description: '', parentCode, sortOrder: null, ctime: '', mtime: '' };
}

describe('departmentTree', () => {
  it('nests departments under their parents, keeping the server’s order among siblings', () => {
    const tree = departmentTree([dept('sales'), dept('tokyo', 'sales'), dept('dev'), dept('osaka', 'sales'), dept('shibuya', 'tokyo')]);
    expect(flatten(tree).map((n) => `${'-'.repeat(n.depth)}${n.department.code}`)).toEqual(['sales', '-tokyo', '--shibuya', '-osaka', 'dev']);
  });

  it('finds a parent whatever the case of its code', () => {
    const tree = departmentTree([dept('Sales'), dept('tokyo', 'sales')]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map((n) => n.department.code)).toEqual(['tokyo']);
  });

  it('never loses a department: an unknown parent or a cycle puts it at the top', () => {
    const tree = departmentTree([dept('orphan', 'gone'), dept('a', 'b'), dept('b', 'a')]);
    expect(flatten(tree).map((n) => n.department.code).sort()).toEqual(['a', 'b', 'orphan']);
  });
});

describe('descendantCodes', () => {
  it('is the department and everything beneath it', () => {
    const tree = departmentTree([dept('sales'), dept('tokyo', 'sales'), dept('shibuya', 'tokyo'), dept('dev')]);
    expect([...descendantCodes(tree, 'tokyo')].sort()).toEqual(['shibuya', 'tokyo']);
    expect([...descendantCodes(tree, 'nothing')]).toEqual([]);
  });
});
