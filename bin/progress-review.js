#!/usr/bin/env node
'use strict';
// The compiled CLI lives in lib/ (built by `npm run build:cli`, which `npm install` runs via `prepare`).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'lib', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('progress-review is not built yet: run `npm run build:cli` (npm install does it for you).\n');
  process.exit(2);
}
const { runCli } = require(entry);
runCli(process.argv.slice(2), {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
}).then((code) => {
  process.exitCode = code;
});
