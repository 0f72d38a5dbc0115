/**
 * One Excel.run: the request context, the sync counter, the largest request sent, and the
 * worksheet proxies by name (one proxy per sheet for the whole run, so a sheet added in a batch
 * is the same object for every later write).
 */
import type { OnProgress, ActionStep } from './gateway';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class Session {
  syncs = 0;
  largestRequestBytes = 0;
  private readonly sheets = new Map<string, Excel.Worksheet>();

  constructor(
    readonly context: Excel.RequestContext,
    private readonly onProgress?: OnProgress,
  ) {}

  /** the worksheet by name (created once per run) */
  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  /** a worksheet this run added (worksheets.add) under its final name */
  register(name: string, ws: Excel.Worksheet): void {
    this.sheets.set(name, ws);
  }

  /** context.sync(), counted, with the estimated size of the request it sends */
  async sync(requestBytes = 0): Promise<void> {
    this.syncs++;
    if (requestBytes > this.largestRequestBytes) this.largestRequestBytes = requestBytes;
    await this.context.sync();
  }

  progress(step: ActionStep, ratio: number): void {
    this.onProgress?.({ step, ratio: Math.max(0, Math.min(1, ratio)) });
  }
}
