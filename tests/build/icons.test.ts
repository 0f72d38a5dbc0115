/**
 * The committed PNGs in assets/ are what scripts/icons draws (compared as decoded pixels, so a
 * different zlib cannot make this fail), and the hand-written PNG encoder round-trips.
 */
import * as fs from 'fs';
import * as path from 'path';

const repo = path.resolve(__dirname, '..', '..');

interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}
interface IconsModule {
  ICONS: Record<string, number>;
  renderIcon(size: number): Buffer;
  encodePng(width: number, height: number, rgba: Buffer): Buffer;
  decodePng(png: Buffer): Png;
  readPngHeader(png: Buffer): { width: number; height: number; bitDepth: number; colorType: number; interlace: number };
  crc32(...buffers: Buffer[]): number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require(path.join(repo, 'scripts/icons/icons.js')) as IconsModule;

describe('icons', () => {
  test('CRC-32 matches the standard check value', () => {
    expect(icons.crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
    expect(icons.crc32(Buffer.from('IEND', 'ascii'))).toBe(0xae426082);
  });

  test('encoder round-trips arbitrary pixels', () => {
    const w = 7;
    const h = 5;
    const rgba = Buffer.alloc(w * h * 4);
    for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + 11) & 0xff;
    const png = icons.encodePng(w, h, rgba);
    expect(icons.readPngHeader(png)).toEqual({ width: w, height: h, bitDepth: 8, colorType: 6, interlace: 0 });
    expect(icons.decodePng(png).rgba.equals(rgba)).toBe(true);
    const corrupt = Buffer.from(png);
    corrupt[40] ^= 0xff;
    expect(() => icons.decodePng(corrupt)).toThrow();
  });

  test.each(Object.entries(icons.ICONS))('assets/%s is up to date (%i px)', (name, size) => {
    const png = icons.decodePng(fs.readFileSync(path.join(repo, 'assets', name)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.rgba.equals(icons.renderIcon(size))).toBe(true);
  });

  test('the artwork: transparent corners, blue tile, white bars', () => {
    const size = 32;
    const px = icons.renderIcon(size);
    const at = (x: number, y: number) => [...px.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    const [r, g, b, a] = at(4, 16);
    expect(a).toBe(255);
    expect(b).toBeGreaterThan(r + 60);
    expect(b).toBeGreaterThan(g);
    expect(at(22, 20)).toEqual([255, 255, 255, 255]); // inside the tallest bar
  });
});
