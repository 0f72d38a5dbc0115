/** What a reviewed file holds: its KPI and pledge sheets and their rows (the pane's 検証 result, 取り込み's file list). */
import type { FileReview } from '../review';

export interface FileCounts {
  kpiSheets: string[];
  pledgeSheets: string[];
  kpiCount: number;
  activityCount: number;
}

export function fileCounts(fr: FileReview): FileCounts {
  const counts: FileCounts = { kpiSheets: [], pledgeSheets: [], kpiCount: 0, activityCount: 0 };
  for (const s of fr.sheets) {
    if (s.kind === 'kpi') {
      counts.kpiSheets.push(s.sheet);
      counts.kpiCount += s.kpis.length;
    } else {
      counts.pledgeSheets.push(s.sheet);
      counts.activityCount += s.activities.length;
    }
  }
  return counts;
}
