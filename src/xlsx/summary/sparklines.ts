/**
 * Excel's own sparklines (Excel 2010's x14 extension of the worksheet): one column sparkline per
 * row over that row's baseline and yearly actuals, bars from zero, the latest actual in orange.
 * Columns rather than a line: two values (baseline, one actual) still read as a trend, and
 * LibreOffice (7.4+) prints columns where it prints only the markers of a line. Readers without
 * sparklines ignore the extension.
 */
import { escapeText } from '../xml/escape';
import type { Utf8Blocks } from '../xml/utf8Blocks';

/** The sparklines of one column of a sheet, one per listed row, each over the same columns of its row. */
export interface SparklineColumn {
  /** the data's sheet as a reference names it: 'KPI一覧' */
  sheetRef: string;
  /** column letters of the data's first and last cells (F, H) and of the cell drawn in (T) */
  from: string;
  to: string;
  at: string;
  /** the rows, 1-based, that have a sparkline */
  rows: readonly number[];
}

const SPARKLINE_EXT = '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

/** The extension with the columns' sparklines into `out`; nothing when there are none. */
export function sparklineExtension(columns: readonly SparklineColumn[], out: Utf8Blocks): void {
  if (!columns.some((c) => c.rows.length)) return;
  out.text(
    `<extLst><ext uri="${SPARKLINE_EXT}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}">` +
      '<x14:sparklineGroup type="column" displayEmptyCellsAs="gap" minAxisType="custom" manualMin="0" last="1">' +
      '<x14:colorSeries rgb="FF5B9BD5"/><x14:colorNegative rgb="FFC00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FF5B9BD5"/>' +
      '<x14:colorFirst rgb="FF5B9BD5"/><x14:colorLast rgb="FFED7D31"/><x14:colorHigh rgb="FF5B9BD5"/><x14:colorLow rgb="FF5B9BD5"/><x14:sparklines>',
  );
  // written in pieces: a 100,000-row list has as many sparklines
  for (const c of columns) {
    const sheet = escapeText(c.sheetRef) + '!';
    for (const n of c.rows) {
      out.ascii('<x14:sparkline><xm:f>');
      out.text(sheet);
      out.ascii(c.from);
      out.uint(n);
      out.ascii(':');
      out.ascii(c.to);
      out.uint(n);
      out.ascii('</xm:f><xm:sqref>');
      out.ascii(c.at);
      out.uint(n);
      out.ascii('</xm:sqref></x14:sparkline>');
    }
  }
  out.ascii('</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>');
}
