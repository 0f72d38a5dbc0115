/**
 * {"bench":"declared-ranges","case":…,"ms":…,"peakRssMB":…,"exit":…}: a KPI workbook whose cost
 * must follow its cells, not what it declares (issue 14, goal ≤ 2 s and ≤ 200 MB each):
 * ten list drop-downs on whole columns (what a template author sets for 方向 and 集計), and
 * 50,000 merged ranges. The CLI reviews each in a child process, writing the reviewed copy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cellAddress } from '../src/domain/base/address';
import { ZipArchive } from '../src/xlsx/zip/zipArchive';
import { measure } from './cliLarge';
import { generateKpiSheet } from './generate';
import { kpiPackage } from './kpiPackage';

const ROWS = 200;

/** The bench's KPI workbook with `tail` (elements after <sheetData>, in schema order) added to its sheet. */
function withSheetTail(tail: string): Uint8Array {
  const zip = ZipArchive.load(kpiPackage(generateKpiSheet(ROWS, 3)));
  const part = 'xl/worksheets/sheet1.xml';
  zip.file(part, zip.files[part].text().replace('</sheetData>', `</sheetData>${tail}`));
  return zip.toBytes();
}

function wholeColumnDropDowns(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const col = cellAddress(0, i + 3).replace(/\d+/, '');
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${col}1:${col}1048576"><formula1>"増加,減少,維持,単年,累計"</formula1></dataValidation>`;
  });
  return `<dataValidations count="${count}">${items.join('')}</dataValidations>`;
}

/** Non-overlapping two-cell merges below the KPI rows, 13 to a row across A:Z. */
function merges(count: number): string {
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = ROWS + 10 + Math.floor(i / 13);
    const col = (i % 13) * 2;
    refs.push(`<mergeCell ref="${cellAddress(row, col)}:${cellAddress(row, col + 1)}"/>`);
  }
  return `<mergeCells count="${count}">${refs.join('')}</mergeCells>`;
}

export function benchDeclaredRanges(): Record<string, unknown>[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-declared-'));
  try {
    const cases: [string, Uint8Array][] = [
      ['10 whole-column drop-downs', withSheetTail(wholeColumnDropDowns(10))],
      ['50000 merged ranges', withSheetTail(merges(50_000))],
    ];
    return cases.map(([name, bytes], i) => {
      const file = path.join(dir, `declared${i + 1}.xlsx`);
      writeFileSync(file, bytes);
      return { bench: 'declared-ranges', case: name, rows: ROWS, ...measure(dir, file), goalMs: 2000, goalRssMB: 200 };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchDeclaredRanges().forEach((l) => console.log(JSON.stringify(l)));
