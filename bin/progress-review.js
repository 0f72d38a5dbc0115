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
const { runCli, processIo } = require(entry);
// processIo: stdout and stderr, with the progress line drawn in place when stderr is a terminal
runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
