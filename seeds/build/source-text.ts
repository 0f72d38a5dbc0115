import fs from 'fs';
import path from 'path';
import { CorrectionLog } from './corrections';
import { SOURCE_DIR } from './paths';

/**
 * A character-level OCR fix. `onlyOnLinesWith` pins a fix that is not safe everywhere
 * to the line that needs it; `expectedCount` makes the build fail if the source changes.
 */
interface TextFix {
  from: string;
  to: string;
  reason: string;
  onlyOnLinesWith?: string;
  expectedCount?: number;
}

const CITY = { from: '苦小牧', to: '苫小牧', reason: 'OCR misreads 苫 (toma) as 苦' };

const FIXES: Record<string, TextFix[]> = {
  '000_e27a19abb44fdd72.txt': [
    CITY,
    { from: 'U I J', to: 'UIJ', reason: 'OCR letter spacing (001 writes UIJターン)' },
    { from: 'K P I', to: 'KPI', reason: 'OCR letter spacing' },
  ],
  '001_aa66fca4020afccb.txt': [
    CITY,
    { from: '企业', to: '企業', reason: 'OCR read the simplified character 业 for 業' },
    {
      from: '\t15.6\t',
      to: '\t1.56\t',
      reason: '合計特殊出生率 H30 is 1.56 (decimal point misplaced); 1.56 / 1.60 = 97.5% matches the published 98%',
      onlyOnLinesWith: '合計特殊出生率',
      expectedCount: 1,
    },
  ],
  '002_8225d030e6ae9ba1.txt': [
    CITY,
    { from: 'コウホリ', to: 'コウノトリ', reason: 'OCR misread; the grant is コウノトリ検査費助成 (000, 施策⑥)', expectedCount: 1 },
    { from: 'などでし就職応援事業', to: 'なでしこ就職応援事業', reason: 'OCR misread; the project is なでしこ就職応援事業 (000, 施策⑤)', expectedCount: 1 },
    { from: '&amp;', to: '&', reason: 'HTML entity left in the text', expectedCount: 1 },
  ],
};

/** Reads a source text and applies the OCR fixes of that file, logging each changed line. */
export function loadSource(file: string, log: CorrectionLog, dir = SOURCE_DIR): string {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
  for (const fix of FIXES[file] ?? []) {
    let count = 0;
    lines.forEach((text, i) => {
      if (!text.includes(fix.from)) return;
      if (fix.onlyOnLinesWith && !text.includes(fix.onlyOnLinesWith)) return;
      count += text.split(fix.from).length - 1;
      lines[i] = text.split(fix.from).join(fix.to);
      log.add(file, i + 1, fix.from.trim(), fix.to.trim(), fix.reason);
    });
    if (count === 0 || (fix.expectedCount !== undefined && count !== fix.expectedCount)) {
      throw new Error(`${file}: fix ${fix.from} → ${fix.to} applied ${count} times`);
    }
  }
  return lines.join('\n');
}
