#!/usr/bin/env node
'use strict';
// Writes the add-in icons into assets/ (see icons.js for the artwork).
//
//   node scripts/icons/generate.js          write assets/*.png
//   node scripts/icons/generate.js --check  exit 1 if a committed PNG differs from the artwork
//
// --check compares decoded pixels, not bytes, so a different zlib build cannot make it fail.

const fs = require('fs');
const path = require('path');
const { ICONS, renderIcon, encodePng, decodePng } = require('./icons');

const assetsDir = path.resolve(__dirname, '..', '..', 'assets');
const check = process.argv.includes('--check');
let stale = 0;

fs.mkdirSync(assetsDir, { recursive: true });
for (const [name, size] of Object.entries(ICONS)) {
  const file = path.join(assetsDir, name);
  const pixels = renderIcon(size);
  if (check) {
    let ok = false;
    try {
      const png = decodePng(fs.readFileSync(file));
      ok = png.width === size && png.height === size && png.rgba.equals(pixels);
    } catch {
      ok = false;
    }
    if (!ok) {
      stale++;
      console.error(`stale: assets/${name} (run node scripts/icons/generate.js)`);
    }
  } else {
    const png = encodePng(size, size, pixels);
    fs.writeFileSync(file, png);
    console.log(`assets/${name}  ${size}×${size}  ${png.length} bytes`);
  }
}
if (stale > 0) process.exit(1);
