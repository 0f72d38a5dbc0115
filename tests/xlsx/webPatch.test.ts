/**
 * The patch writer in the task pane: the same code with the browser's zip codec (CompressionStream,
 * parts inflated up front) makes the same reviewed copy as on Node, and nothing on its import path
 * needs Node (node:* modules, zlib) or exceljs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sampleDepartmentFiles } from '../../seeds/build/split-departments';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { review } from '../../src/domain/review';
import { patchWorkbookWith, validatePackage } from '../../src/xlsx/patch';
import { readXlsx } from '../../src/xlsx/read';
import { PackageZip } from '../../src/xlsx/zip/packageZip';
import { webZip } from '../../src/xlsx/zip/webCodec';
import { piecesJoined } from '../../src/xlsx/zip/partBlocks';
import { nodeZip, ZipArchive } from '../../src/xlsx/zip/zipArchive';

const ROOT = path.join(__dirname, '../..');

/** the modules `entry` imports (values, not `import type`), followed through relative paths */
function importGraph(entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) {
        external.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const found = [base + '.ts', base + '.tsx', path.join(base, 'index.ts')].find((f) => existsSync(f));
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`);
      walk(found);
    }
  };
  walk(path.join(ROOT, entry));
  return { files: [...files].map((f) => path.relative(ROOT, f)), external: [...external] };
}

describe('the patch writer with the browser codec', () => {
  test('the pane’s patching path imports nothing of Node or exceljs', () => {
    const { files, external } = importGraph('src/taskpane/import/fillOutputs.ts');
    expect(files).toContain('src/xlsx/patch/patchWorkbook.ts');
    expect(files).toContain('src/xlsx/zip/packageZip.ts');
    expect(files).not.toContain('src/xlsx/zip/compression.ts');
    expect(files).not.toContain('src/xlsx/zip/zipArchive.ts');
    expect(external.filter((e) => e.startsWith('node:') || ['zlib', 'fs', 'path', 'exceljs', 'xlsx'].includes(e))).toEqual([]);
  });

  test('department workbooks: the same copy as on Node (cells, changed parts), valid, untouched parts stored as they were', async () => {
    const files = sampleDepartmentFiles().slice(0, 4);
    files.push({ name: 'pledges.xlsx', bytes: new Uint8Array(readFileSync(path.join(ROOT, 'seeds/pledges.xlsx'))) });
    for (const f of files) {
      const sheets = (await readXlsx(f.bytes)).sheets;
      const plan = review([{ file: f.name, sheets }], DEFAULT_SETTINGS).files[0].plan;
      expect(plan.sheets.length).toBeGreaterThan(0);
      const node = await patchWorkbookWith(f.bytes, plan, null, nodeZip);
      const web = await patchWorkbookWith(f.bytes, plan, null, webZip);
      expect(web.changed).toEqual(node.changed);
      expect(await validatePackage(web.bytes)).toEqual([]);
      expect((await readXlsx(web.bytes)).sheets).toEqual((await readXlsx(node.bytes)).sheets);
      // every part the same once inflated; the parts not changed keep their stored (compressed) bytes
      const a = ZipArchive.load(node.bytes);
      const b = ZipArchive.load(web.bytes);
      expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
      const original = ZipArchive.load(f.bytes);
      for (const name of Object.keys(a.files)) {
        expect(Buffer.from(b.files[name].bytes()).equals(Buffer.from(a.files[name].bytes()))).toBe(true);
        if (!web.changed.includes(name)) expect(Buffer.from(piecesJoined(b.files[name].encoded().pieces)).equals(Buffer.from(piecesJoined(original.files[name].encoded().pieces)))).toBe(true);
      }
    }
  });

  test('a package opened for the browser has its XML inflated up front; nothing else is inflated at once', async () => {
    const withBinary = ZipArchive.load(sampleDepartmentFiles()[0].bytes).file('xl/media/blob.bin', new Uint8Array(5000).fill(7)).toBytes();
    const zip = await PackageZip.open(withBinary, webZip);
    expect(zip.files['xl/workbook.xml'].inflated).toBeDefined();
    expect(zip.files['xl/workbook.xml'].text()).toContain('<sheets>');
    expect(zip.files['xl/media/blob.bin'].inflated).toBeUndefined();
    expect(() => zip.files['xl/media/blob.bin'].bytes()).toThrow(/not inflated/);
    // written back as it was stored
    const again = ZipArchive.load(await zip.toBytesAsync());
    expect(again.files['xl/media/blob.bin'].bytes()).toEqual(new Uint8Array(5000).fill(7));
  });
});
