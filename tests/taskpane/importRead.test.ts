/**
 * The pane's reading of chosen files (src/taskpane/import): the limits before any byte is read,
 * the reader with the browser's inflater (DecompressionStream, in Node too), refusals per file,
 * cancel between files, and the list the pane shows.
 */
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { importList } from '../../src/taskpane/import/importList';
import { readImportFiles, type ChosenBlob, type FileRead } from '../../src/taskpane/import/readImportFiles';
import { sampleDepartmentFiles } from '../../seeds/build/split-departments';

function blob(name: string, bytes: Uint8Array, opened: string[] = []): ChosenBlob {
  return {
    name,
    size: bytes.length,
    arrayBuffer: async () => {
      opened.push(name);
      return bytes.slice().buffer;
    },
  };
}

const departments = sampleDepartmentFiles();

describe('readImportFiles', () => {
  test('reads the department workbooks; refuses the others per file without opening them', async () => {
    const opened: string[] = [];
    const fileBytes = Math.max(departments[1].bytes.length, departments[26].bytes.length) + 100;
    const files = [
      blob(departments[1].name, departments[1].bytes, opened),
      blob('notes.txt', new Uint8Array([1, 2, 3]), opened),
      blob('broken.xlsx', new TextEncoder().encode('not a zip at all'), opened),
      blob('big.xlsx', new Uint8Array(fileBytes + 1), opened),
      blob('pledges.xlsx', departments[26].bytes, opened),
    ];
    const seen: FileRead[] = [];
    const progress: number[] = [];
    const { results, cancelled } = await readImportFiles(files, (r) => seen.push(r), {
      limits: { fileBytes, totalBytes: 10 * fileBytes },
      onProgress: (p) => progress.push(p.done),
    });
    expect(cancelled).toBe(false);
    expect(seen).toEqual(results);
    expect(results.map((r) => (r.status === 'refused' ? r.refusal : r.status))).toEqual(['read', 'notWorkbook', 'unreadable', 'tooLarge', 'read']);
    expect(opened).toEqual([departments[1].name, 'broken.xlsx', 'pledges.xlsx']);
    const broken = results[2] as Extract<FileRead, { status: 'unreadable' }>;
    expect(typeof broken.reason === 'string' ? broken.reason : broken.reason.text('ja')).not.toBe('');
    expect(progress[progress.length - 1]).toBe(3);

    const { entries, books } = importList(results, DEFAULT_SETTINGS);
    expect(books.map((b) => b.file)).toEqual([departments[1].name, 'pledges.xlsx']);
    expect(entries[0].facts).toMatchObject({ kpiSheets: [departments[1].name.replace('.xlsx', '')], errors: 0 });
    expect(entries[4].facts).toMatchObject({ pledgeSheets: ['市長公約'], activityCount: 134 });
    expect(entries[1].facts).toBeNull();
  });

  test('cancel: stops before the next file and keeps those read', async () => {
    const abort = new AbortController();
    const files = departments.slice(0, 5).map((d) => blob(d.name, d.bytes));
    const { results, cancelled } = await readImportFiles(
      files,
      (r) => {
        if (r.status === 'read') abort.abort();
      },
      { signal: abort.signal },
    );
    expect(cancelled).toBe(true);
    expect(results).toHaveLength(1);
  });
});
