// The order of the issue list last shown, so that the detail page's n / p go to the next or
// previous issue of that list. Kept in sessionStorage so that a reload of the detail keeps it.
const KEY = 'faultline.issueOrder';

export function rememberIssueOrder(ids: string[]): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // storage unavailable: n / p fall back to events
  }
}

export function neighbourIssues(id: string): { previous?: string; next?: string; known: boolean } {
  let ids: string[] = [];
  try {
    ids = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
  } catch {
    ids = [];
  }
  const index = ids.indexOf(id);
  if (index < 0) {
    return { known: false };
  }
  return { previous: ids[index - 1], next: ids[index + 1], known: true };
}
