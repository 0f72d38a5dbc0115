// Bundles the in-memory Excel (tests/support/fakeExcel/browserEntry.ts) into one IIFE script,
// test-results/fake-excel.js, for the Playwright test: page.addInitScript({ path }) then
// page.addInitScript(() => window.__fakeExcel.install({ sheets: [...] })).
//
//   node tests/support/fakeExcel/buildBrowserBundle.js [outFile]
//   const { buildFakeExcelBundle } = require('./buildBrowserBundle'); await buildFakeExcelBundle();
/* eslint-env node */
const path = require('path');
const webpack = require('webpack');

const ROOT = path.resolve(__dirname, '../../..');
const DEFAULT_OUT = path.join(ROOT, 'test-results', 'fake-excel.js');

function buildFakeExcelBundle(outFile = DEFAULT_OUT) {
  const out = path.resolve(outFile);
  const config = {
    mode: 'development',
    context: ROOT,
    target: 'web',
    devtool: false,
    entry: path.join(__dirname, 'browserEntry.ts'),
    output: { path: path.dirname(out), filename: path.basename(out), iife: true, clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'ES2020', noEmit: false, isolatedModules: true },
            },
          },
        },
      ],
    },
    // the fake must not need Node: fail the build if anything pulls a Node core module in
    externalsPresets: { node: false },
    performance: { hints: false },
    optimization: { minimize: false },
    infrastructureLogging: { level: 'error' },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(out);
    });
  });
}

module.exports = { buildFakeExcelBundle, DEFAULT_OUT };

if (require.main === module) {
  buildFakeExcelBundle(process.argv[2]).then(
    (file) => console.log(`fake Excel bundle: ${path.relative(process.cwd(), file)}`),
    (e) => {
      console.error(e.message || e);
      process.exit(1);
    },
  );
}
