/**
 * The workbook part as the reader needs it: each sheet's name, visibility and relationship
 * id, and whether dates count from 1904. Any prefix, Transitional or Strict.
 */
import { NS_RELATIONSHIPS, NS_SHEET, type TagAttributes } from './xmlStream';
import type { PartSink } from './partStream';
import { keepShape } from '../../domain/base/keptShapes';

export interface SheetRef {
  name: string;
  /** visible, hidden or veryHidden */
  state: string;
  relId: string;
}

export interface WorkbookFacts {
  sheets: SheetRef[];
  date1904: boolean;
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

export class WorkbookSink implements PartSink {
  wantText = false;
  done = false;
  readonly facts: WorkbookFacts = { sheets: [], date1904: false };
  private inSheets = false;

  constructor() {
    keepShape(this);
  }

  start(local: string, ns: number, tag: TagAttributes, selfClosing: boolean): void {
    if (ns !== NS_SHEET) return;
    if (local === 'workbookPr') this.facts.date1904 = isTrue(tag.get('date1904'));
    else if (local === 'sheets') this.inSheets = !selfClosing;
    else if (local === 'sheet' && this.inSheets) {
      this.facts.sheets.push({
        name: tag.get('name') ?? '',
        state: tag.get('state') ?? 'visible',
        relId: tag.getNs('id', NS_RELATIONSHIPS) ?? '',
      });
    }
  }

  end(local: string, ns: number): void {
    // nothing the reader needs comes after <sheets> (definedNames, calcPr …)
    if (ns === NS_SHEET && local === 'sheets') this.done = true;
  }

  text(): void {}
}
