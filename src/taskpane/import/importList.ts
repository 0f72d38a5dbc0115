/**
 * The pane's list of chosen files: each file's read result with, for those read, what the
 * domain review finds in it (the imported files reviewed together, as the import will), and
 * the books handed to the ImportGateway. Pure.
 */
import type { Settings } from '../../domain/base/settings';
import { distinctFileNames, importedFileFacts, type ImportedFileFacts } from '../../domain/import/importPlan';
import { review } from '../../domain/review';
import type { ImportedBook } from '../../excel/importGateway';
import type { FileRead } from './readImportFiles';

export interface ImportListEntry {
  read: FileRead;
  /** the name it is reviewed and summarised under (distinct) */
  file: string;
  /** for a file read: its sheets, counts and problems */
  facts: ImportedFileFacts | null;
}

export function importList(reads: readonly FileRead[], settings: Settings): { entries: ImportListEntry[]; books: ImportedBook[] } {
  const ok = reads.filter((r): r is Extract<FileRead, { status: 'read' }> => r.status === 'read');
  const names = distinctFileNames(ok.map((r) => r.name));
  const books: ImportedBook[] = ok.map((r, i) => ({ file: names[i], sheets: r.sheets, bytes: r.bytes }));
  const result = review(books, settings);
  const facts = new Map(ok.map((r, i) => [r, importedFileFacts(result.files[i])]));
  const nameOf = new Map(ok.map((r, i) => [r, names[i]]));
  return {
    entries: reads.map((r) => ({ read: r, file: nameOf.get(r as Extract<FileRead, { status: 'read' }>) ?? r.name, facts: facts.get(r as Extract<FileRead, { status: 'read' }>) ?? null })),
    books,
  };
}
