/**
 * The pane's FillOutputs for inserting department sheets: the lossless patch writer (the same as
 * the command line's reviewed copies) with the browser's zip codec (CompressionStream,
 * src/xlsx/zip/webCodec.ts). No audit-log row: only the department's sheets are inserted.
 */
import type { FillOutputs } from '../../excel/importGateway';
import { patchWorkbookWith } from '../../xlsx/patch/patchWorkbook';
import { webZip } from '../../xlsx/zip/webCodec';

export const fillOutputs: FillOutputs = async (bytes, plan) => (await patchWorkbookWith(bytes, plan, null, webZip)).bytes;
