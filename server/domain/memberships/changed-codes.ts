/** What a replacement added and removed, so the audit log answers "who moved whom" directly. */
export function changedCodes(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  return {
    added: after.filter((c) => !before.includes(c)),
    removed: before.filter((c) => !after.includes(c)),
  };
}
