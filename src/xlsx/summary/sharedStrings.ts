/** The summary's shared strings: each distinct text once (goal and measure labels repeat on every row). */
import { NS } from '../ooxml/namespaces';
import { safeText } from '../xml/escape';
import type { Utf8Blocks } from '../xml/utf8Blocks';
import { listOf, sparseListOf } from '../../domain/base/lists';
import { keepShape } from '../../domain/base/keptShapes';

/** text whose spaces a reader would trim or fold unless told to keep them: leading or trailing white space, or a line break */
export function keepsSpace(t: string): boolean {
  return /^\s|\s$|\n/.test(t);
}

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = listOf();
  /** per slot (a sheet column), the text met there last and its index */
  private readonly lastText: (string | undefined)[] = sparseListOf();
  private readonly lastIndex: number[] = sparseListOf();
  count = 0;

  constructor() {
    keepShape(this);
  }

  /**
   * The text's index. `slot`: the writer's column; a text repeated down a column (a department,
   * a unit, a grade) is then found without a lookup in the whole table.
   */
  id(text: string, slot = -1): number {
    this.count++;
    if (slot >= 0 && this.lastText[slot] === text) return this.lastIndex[slot];
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    if (slot >= 0) {
      this.lastText[slot] = text;
      this.lastIndex[slot] = i;
    }
    return i;
  }

  /** distinct texts so far */
  get size(): number {
    return this.list.length;
  }

  /** the part, written into `out` (it can hold thousands of texts), then done() */
  write(out: Utf8Blocks): void {
    out.text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${this.list.length}">`);
    for (const t of this.list) {
      out.ascii(keepsSpace(t) ? '<si><t xml:space="preserve">' : '<si><t>');
      out.text(safeText(t));
      out.ascii('</t></si>');
    }
    out.ascii('</sst>');
    out.done();
  }
}
