'use strict';
// Icon artwork and a minimal PNG encoder/decoder for the add-in's assets/.
//
// No dependencies beyond Node's zlib: the PNG container (signature, chunks, CRC-32) is written by
// hand. The artwork is drawn on a 16-unit grid so that 16, 32, 64, 80, 128 and 256 px all land on
// whole pixels; edges that do not (the rounded corners) are anti-aliased by supersampling.
//
// Design: a rounded square in a municipal blue (vertical gradient) with three white bars rising
// to the right — "progress".

const zlib = require('zlib');

/** Icons written to assets/: file name → edge length in px. */
const ICONS = Object.freeze({
  'icon-16.png': 16,
  'icon-32.png': 32,
  'icon-64.png': 64,
  'icon-80.png': 80,
  'icon-128.png': 128,
  'logo-filled.png': 256,
});

const GRID = 16;
/** Rounded square, in grid units. */
const TILE = { x0: 1, y0: 1, x1: 15, y1: 15, r: 3 };
/** Bars (white), in grid units: left, right, top; all stand on BAR_BASE. */
const BARS = [
  { x0: 4, x1: 6, y0: 10 },
  { x0: 7, x1: 9, y0: 7 },
  { x0: 10, x1: 12, y0: 4 },
];
const BAR_BASE = 12;
const BAR_RADIUS = 0.35; // rounding of the bar tops; below one pixel at 16 px, so invisible there
const BLUE_TOP = [0x2b, 0x6c, 0xc4];
const BLUE_BOTTOM = [0x14, 0x48, 0x8c];
const WHITE = [0xff, 0xff, 0xff];

/** Is (x, y) inside the rectangle [x0,x1]×[y0,y1] whose corners are rounded by r (top only if topOnly)? */
function inRoundedRect(x, y, rect, r, topOnly) {
  if (x < rect.x0 || x > rect.x1 || y < rect.y0 || y > rect.y1) return false;
  const cx = x < rect.x0 + r ? rect.x0 + r : x > rect.x1 - r ? rect.x1 - r : x;
  let cy = y < rect.y0 + r ? rect.y0 + r : y > rect.y1 - r ? rect.y1 - r : y;
  if (topOnly && y > rect.y0 + r) cy = y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

/**
 * Render the icon as straight (non-premultiplied) RGBA, size×size×4 bytes.
 * @param {number} size edge length in px
 */
function renderIcon(size) {
  const out = Buffer.alloc(size * size * 4);
  const ss = size <= 32 ? 8 : size <= 128 ? 4 : 2; // samples per pixel edge
  const unit = GRID / size; // grid units per pixel
  const bars = BARS.map((bar) => ({ ...bar, y1: BAR_BASE }));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let a = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < ss; sy++) {
        const y = (py + (sy + 0.5) / ss) * unit;
        const t = (y - TILE.y0) / (TILE.y1 - TILE.y0); // gradient position, top → bottom
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * unit;
          if (!inRoundedRect(x, y, TILE, TILE.r, false)) continue;
          a += 1;
          if (bars.some((bar) => inRoundedRect(x, y, bar, BAR_RADIUS, true))) {
            r += WHITE[0];
            g += WHITE[1];
            b += WHITE[2];
          } else {
            r += BLUE_TOP[0] + (BLUE_BOTTOM[0] - BLUE_TOP[0]) * t;
            g += BLUE_TOP[1] + (BLUE_BOTTOM[1] - BLUE_TOP[1]) * t;
            b += BLUE_TOP[2] + (BLUE_BOTTOM[2] - BLUE_TOP[2]) * t;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return out;
}

// ---- PNG container -------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / PNG) of the given byte buffers, in order. */
function crc32(...buffers) {
  let c = 0xffffffff;
  for (const buf of buffers) {
    for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeBuf = Buffer.from(type, 'ascii');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeBuf, data));
  return Buffer.concat([len, typeBuf, data, crc]);
}

/**
 * Encode straight RGBA pixels as an 8-bit RGBA, non-interlaced PNG.
 * Each scanline uses the Sub filter (1), which compresses flat areas well.
 */
function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer has the wrong length');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    raw[o] = 1; // Sub
    for (let i = 0; i < stride; i++) {
      const cur = rgba[y * stride + i];
      const left = i >= 4 ? rgba[y * stride + i - 4] : 0;
      raw[o + 1 + i] = (cur - left) & 0xff;
    }
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Read width/height/bit depth/colour type from the IHDR chunk (which must come first). */
function readPngHeader(buf) {
  if (buf.length < 33 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  if (buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24],
    colorType: buf[25],
    interlace: buf[28],
  };
}

/**
 * Decode an 8-bit RGBA, non-interlaced PNG (what encodePng writes) back to pixels, checking every
 * chunk's CRC. Handles all five scanline filters.
 */
function decodePng(buf) {
  const header = readPngHeader(buf);
  if (header.bitDepth !== 8 || header.colorType !== 6 || header.interlace !== 0) {
    throw new Error('only 8-bit RGBA non-interlaced PNGs are supported');
  }
  const idat = [];
  let pos = 8;
  let sawEnd = false;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    const crc = buf.readUInt32BE(pos + 8 + len);
    if (crc !== crc32(buf.subarray(pos + 4, pos + 8), data)) throw new Error(`bad CRC in ${type} chunk`);
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd) throw new Error('PNG has no IEND chunk');
  const { width, height } = header;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= 4 ? out[y * stride + i - 4] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= 4 && y > 0 ? out[(y - 1) * stride + i - 4] : 0;
      let p;
      switch (filter) {
        case 0: p = 0; break;
        case 1: p = a; break;
        case 2: p = b; break;
        case 3: p = (a + b) >> 1; break;
        case 4: {
          const pa = Math.abs(b - c);
          const pb = Math.abs(a - c);
          const pc = Math.abs(a + b - 2 * c);
          p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`unknown PNG filter ${filter}`);
      }
      out[y * stride + i] = (x + p) & 0xff;
    }
  }
  return { width, height, rgba: out };
}

module.exports = { ICONS, renderIcon, encodePng, decodePng, readPngHeader, crc32 };
