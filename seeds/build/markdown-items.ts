import { decodeEntities, stripTags } from './text';

/**
 * The OCR text of 000 mixes plain paragraphs, markdown table rows and HTML tables pasted
 * into a markdown cell. This flattens all three into one stream of text lines and table rows,
 * each with the source line it came from.
 */
export type Item =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'row'; cells: string[]; line: number };

const BLOB = /<(p|table|ul)\b/;

export function toItems(source: string): Item[] {
  const items: Item[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (!t) return;
    if (!t.startsWith('|')) {
      items.push({ kind: 'text', text: t, line });
      return;
    }
    if (/^\|[\s\-:|]*$/.test(t)) return; // separator or all-empty row
    const cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
    const blob = cells.findIndex((c) => BLOB.test(c));
    if (blob < 0) {
      items.push({ kind: 'row', cells, line });
      return;
    }
    const before = cells.slice(0, blob).filter(Boolean).join(' ');
    if (before) items.push({ kind: 'text', text: before, line });
    // The cells after an HTML blob repeat its table flattened into one row: dropped.
    items.push(...expandHtml(cells[blob], line));
  });
  return items;
}

function expandHtml(html: string, line: number): Item[] {
  const items: Item[] = [];
  let rest = html;
  for (;;) {
    const m = /<table[\s\S]*?<\/table>/.exec(rest);
    const head = m ? rest.slice(0, m.index) : rest;
    for (const piece of head.split(/<\/?(?:p|ul|li|br)\b[^>]*>/)) {
      const text = decodeEntities(piece).replace(/\s+/g, ' ').trim();
      if (text) items.push({ kind: 'text', text, line });
    }
    if (!m) break;
    for (const tr of m[0].matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      const cells = [...tr[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => stripTags(c[1]));
      items.push({ kind: 'row', cells, line });
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return items;
}
