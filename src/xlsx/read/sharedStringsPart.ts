/**
 * The shared string table: each <si> as one string, rich-text runs joined, phonetic guides
 * (<rPh>, the furigana Japanese Excel stores) left out.
 */
import type { PartSink } from './partStream';
import { decodeXstring } from '../xml/escape';
import { NS_SHEET, type TagAttributes } from './xmlStream';
import { listOf } from '../../domain/base/lists';
import { keepShape } from '../../domain/base/keptShapes';

export class SharedStringsSink implements PartSink {
  wantText = false;
  done = false;
  readonly strings: string[] = listOf();
  private inItem = false;
  private phonetic = 0;
  private buffer = '';

  constructor() {
    keepShape(this);
  }

  start(local: string, ns: number, _tag: TagAttributes, selfClosing: boolean): void {
    if (ns !== NS_SHEET) return;
    if (local === 'si') {
      this.buffer = '';
      this.inItem = true;
      if (selfClosing) this.finish();
    } else if (local === 'rPh') {
      if (!selfClosing) this.phonetic++;
    } else if (local === 't' && this.inItem && this.phonetic === 0 && !selfClosing) this.wantText = true;
  }

  end(local: string, ns: number): void {
    if (ns !== NS_SHEET) return;
    if (local === 't') this.wantText = false;
    else if (local === 'rPh') this.phonetic--;
    else if (local === 'si') this.finish();
  }

  text(s: string): void {
    this.buffer += s;
  }

  private finish(): void {
    this.strings.push(decodeXstring(this.buffer));
    this.inItem = false;
    this.phonetic = 0;
    this.buffer = '';
  }
}
