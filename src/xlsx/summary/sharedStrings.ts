/** The summary's shared strings: each distinct text once (goal and measure labels repeat on every row). */
import { NS } from '../ooxml/namespaces';
import { safeText } from '../xml/escape';
import type { Utf8Blocks } from '../xml/utf8Blocks';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** the part, written into `out` (a 100,000-row KPI list has as many distinct names), then done() */
  write(out: Utf8Blocks): void {
    out.text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${this.list.length}">`);
    for (const t of this.list) out.text(`<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ''}>${safeText(t)}</t></si>`);
    out.ascii('</sst>');
    out.done();
  }
}
