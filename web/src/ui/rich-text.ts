// Pure helpers around the rich-text editor: reading what "@" is asking for, picking candidates,
// and turning the editor's HTML into the plain text that kintone's comment APIs take.
import type { MentionCandidate } from './rich-text-editor';

/** The "@query" right before the caret (at the start or after a space), or null. */
export function mentionQuery(textBeforeCaret: string): string | null {
  const m = /(?:^|[\s\u3000])@([^\s\u3000@]{0,30})$/.exec(textBeforeCaret);
  return m ? m[1]! : null;
}

/** Candidates whose name or code contains the query (case-insensitive), names first. */
export function matchCandidates(candidates: readonly MentionCandidate[], query: string, max = 8): MentionCandidate[] {
  const q = query.trim().toLowerCase();
  if (!q) return candidates.slice(0, max);
  const starts: MentionCandidate[] = [];
  const contains: MentionCandidate[] = [];
  for (const c of candidates) {
    const name = c.name.toLowerCase();
    const code = c.code.toLowerCase();
    if (name.startsWith(q) || code.startsWith(q)) starts.push(c);
    else if (name.includes(q) || code.includes(q) || (c.detail ?? '').toLowerCase().includes(q)) contains.push(c);
  }
  return [...starts, ...contains].slice(0, max);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const n = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The editor's HTML as plain text: one line per paragraph, heading or list item (items marked
 * "・" or "1."), <br> as a line break, links as their text. Written for the editor's own
 * well-formed output, not for arbitrary HTML.
 */
export function htmlToPlainText(html: string): string {
  const out: string[] = [];
  let line = '';
  const lists: Array<{ ordered: boolean; n: number }> = [];
  const endLine = () => {
    out.push(line);
    line = '';
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token) continue;
    if (!token.startsWith('<')) {
      line += decode(token);
      continue;
    }
    const m = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (!m) continue;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'br') endLine();
    else if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li' && !closing) {
      if (line) endLine();
      const list = lists[lists.length - 1];
      const indent = '  '.repeat(Math.max(0, lists.length - 1));
      if (list) list.n += 1;
      line = indent + (list?.ordered ? `${list.n}. ` : '・');
    } else if (tag === 'hr') {
      if (line) endLine();
      out.push('----');
    } else if (tag === 'li' && closing) {
      if (line) endLine();
    } else if (['p', 'h1', 'h2', 'h3', 'h4', 'pre', 'div'].includes(tag) && closing) {
      // A paragraph inside a list item ends with its item.
      if (tag === 'p' && lists.length > 0) continue;
      endLine();
    }
  }
  if (line) endLine();
  return out.join('\n').replace(/\n+$/, '').replace(/^\n+/, '');
}

/** Whether the editor's HTML holds anything but empty paragraphs. */
export function isBlankHtml(html: string): boolean {
  return htmlToPlainText(html).trim() === '' && !/<(img|hr)\b/i.test(html);
}
