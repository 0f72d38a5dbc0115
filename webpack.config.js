// webpack configuration for the 進捗レビュー (Progress Review) task pane, after the `yo office`
// React task-pane template.
//
//   npm run build            webpack --mode production: a deployment build. Needs ADDIN_PUBLIC_URL;
//                            without it the build stops with an explanation.
//   npm run build:offline    the same with --env offline: for closed networks (LGWAN), Office.js is
//                            served from the add-in's own host (dist/office-js/, the complete
//                            non-debug file set of @microsoft/office-js) instead of Microsoft's CDN.
//   npm run build:localhost  webpack --mode production --env localhost: the production pane with
//                            the manifest left on https://localhost:3000 (tests, sideloading).
//   webpack --mode development / webpack serve --mode development (https://localhost:3000,
//                            dev certificates, see httpsServer)
//
// Environment:
//   ADDIN_PUBLIC_URL=https://host/path/   production: the URL the built files are served from; every
//                            https://localhost:3000/ in dist/manifest*.xml becomes this URL
//                            (manifest.xml itself always stays on localhost).
//   --env offline (or OFFICE_JS_OFFLINE=1)   the closed-network build described above.
//   --env localhost          a production build that keeps the localhost URLs on purpose.
//
// Production builds ship no source maps and no copy of Office.js (except the offline build). The
// task pane's first screen is one script; the review engine, dialogs, results and the settings
// form are loaded on demand (see src/taskpane/lazy.ts) — its budget is checked by
// tests/build/bundle.test.ts and printed by `npm run bench`.

const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
// package.json "config": { "dev_server_port": 3000 } (yo office convention); manifest.xml uses 3000.
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;
const OFFICE_JS_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `${OFFICE_JS_CDN_ORIGIN}/lib/1/hosted/office.js`;
/** where the offline build puts Office.js, relative to the pages */
const OFFICE_JS_LOCAL_DIR = 'office-js';
/** Office.js telemetry (telemetry/oteljs_agave.js) posts to the Aria collectors. */
const OFFICE_JS_CONNECT_SRC = 'https://*.pipe.aria.microsoft.com';
/**
 * The files of @microsoft/office-js/dist the offline build leaves out: the unminified *.debug.js
 * twins (loaded only by a page that references office.debug.js) and the IntelliSense files.
 */
const OFFICE_JS_IGNORE = ['**/*.debug.js', '**/*-vsdoc.js', '**/*.d.ts'];
/** The first screen's JavaScript (taskpane.html's scripts), in bytes, minified. */
const TASKPANE_BUDGET = 400 * 1024;

const officeJsDist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * Values substituted into src/taskpane/taskpane.html and src/commands/commands.html
 * (`<%= name %>`). The Content-Security-Policy is written out in the HTML files; only the parts
 * that depend on the build are here.
 */
function htmlParameters({ dev, offline }) {
  return {
    officeJsUrl: offline ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN,
    // 'self' covers ./office-js/ in the offline build.
    cspScriptSrc: offline ? "'self'" : `'self' ${OFFICE_JS_CDN_ORIGIN}`,
    // Offline, nothing may leave the add-in's origin (telemetry has nowhere to go on a closed
    // network). 'self' matches the dev server's wss:// in CSP3 browsers; older WebKit needs it spelt out.
    cspConnectSrc: ["'self'", ...(offline ? [] : [OFFICE_JS_CONNECT_SRC]), ...(dev ? [`wss://localhost:${DEV_PORT}`] : [])].join(' '),
  };
}

/**
 * HTTPS options for `webpack serve`. `webpack build` never gets here, so a build needs no
 * certificates. Order: office-addin-dev-certs (generates and trusts ~/.office-addin-dev-certs),
 * then the certificate files if they exist but could not be trusted (no sudo), then a
 * self-signed certificate made by webpack-dev-server.
 */
async function httpsServer() {
  try {
    // Required lazily: only the dev server needs it.
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (err) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const file = (name) => path.join(dir, name);
    if (fs.existsSync(file('localhost.crt')) && fs.existsSync(file('localhost.key'))) {
      console.warn(`office-addin-dev-certs: ${firstLine(err)}; using ${dir} (the CA may not be trusted).`);
      return {
        type: 'https',
        options: {
          cert: fs.readFileSync(file('localhost.crt')),
          key: fs.readFileSync(file('localhost.key')),
          ...(fs.existsSync(file('ca.crt')) ? { ca: fs.readFileSync(file('ca.crt')) } : {}),
        },
      };
    }
    console.warn(`office-addin-dev-certs: ${firstLine(err)}; using a self-signed certificate.`);
    return 'https';
  }
}

function firstLine(err) {
  return String((err && err.message) || err).split('\n')[0];
}

const MISSING_PUBLIC_URL = [
  'ADDIN_PUBLIC_URL is not set: a production build needs the HTTPS address the add-in will be served from.',
  '  ADDIN_PUBLIC_URL=https://addins.example.lg.jp/progress-review/ npm run build      (Windows: set ADDIN_PUBLIC_URL=… then npm run build)',
  '  npm run build:localhost   a production build that stays on https://localhost:3000 (tests, sideloading)',
  'See README, 配布手順 / Deployment.',
].join('\n');

/** An error about how the build was asked for: its message is all a person needs (no stack trace). */
function usageError(message) {
  const err = new Error(message);
  err.stack = `Error: ${message}`;
  return err;
}

/**
 * The deployment URL of a production build ("https://host/path/"), or undefined for one that
 * stays on localhost (--env localhost, which wins over ADDIN_PUBLIC_URL: `npm test` must not turn
 * into a deployment build because a shell exported it). Throws when the build does not say which.
 */
function publicUrlOf({ env, value }) {
  if (env.localhost) {
    if (value) console.warn(`--env localhost: ADDIN_PUBLIC_URL (${value}) is ignored; the manifest stays on ${DEV_URL}`);
    return undefined;
  }
  if (!value) throw usageError(MISSING_PUBLIC_URL);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`ADDIN_PUBLIC_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:') throw usageError(`ADDIN_PUBLIC_URL must be https (Office loads add-ins only over HTTPS): ${value}`);
  if (url.search || url.hash) throw usageError(`ADDIN_PUBLIC_URL must be a folder address without ?query or #fragment: ${value}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Rewrite the dev origin in manifest*.xml for a deployment. */
function manifestTransform(publicUrl) {
  if (!publicUrl) return undefined;
  const origin = new URL(publicUrl).origin;
  return (content) =>
    content
      .toString()
      .split(DEV_URL)
      .join(publicUrl)
      .split(`<AppDomain>${DEV_URL.slice(0, -1)}</AppDomain>`)
      .join(`<AppDomain>${origin}</AppDomain>`);
}

module.exports = async (env = {}, argv = {}) => {
  // As in the yo office template: anything but --mode development is a production build.
  const dev = argv.mode === 'development';
  const offline = Boolean(env.offline) || process.env.OFFICE_JS_OFFLINE === '1';
  const html = htmlParameters({ dev, offline });
  const publicUrl = dev ? undefined : publicUrlOf({ env, value: process.env.ADDIN_PUBLIC_URL });
  const transformManifest = manifestTransform(publicUrl);

  return {
    mode: dev ? 'development' : 'production',
    // Development: separate maps (not eval-based: the pages' CSP has no 'unsafe-eval').
    // Production: none, so nothing but the pane itself is deployed.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.html'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Griffel ahead of time: makeStyles() becomes precomputed CSS at build time, so the pane
            // needs neither Griffel's style compiler nor the token table at run time.
            { loader: '@griffel/webpack-loader' },
            {
              loader: 'ts-loader',
              options: {
                transpileOnly: true,
                // ES modules let webpack tree-shake Fluent UI (2 MB instead of 26 MB in development).
                compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false, sourceMap: dev },
              },
            },
          ],
        },
        {
          // import logo from '../../assets/logo-filled.png'
          test: /\.(png|jpe?g|gif|svg|ico)$/i,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: html,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: html,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext][query]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            ...(transformManifest ? { transform: transformManifest } : {}),
          },
          ...(offline
            ? [
                {
                  from: officeJsDist,
                  to: OFFICE_JS_LOCAL_DIR,
                  globOptions: { ignore: OFFICE_JS_IGNORE },
                  // Already minified by Microsoft; passing them through terser costs minutes.
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    performance: {
      hints: dev ? false : 'warning',
      maxAssetSize: TASKPANE_BUDGET,
      maxEntrypointSize: TASKPANE_BUDGET,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith(`${OFFICE_JS_LOCAL_DIR}/`),
    },
    devServer: {
      port: DEV_PORT,
      hot: true,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? await httpsServer() : 'https',
    },
  };
};

// For tests, the bench and tooling.
module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_LOCAL_DIR = OFFICE_JS_LOCAL_DIR;
module.exports.OFFICE_JS_IGNORE = OFFICE_JS_IGNORE;
module.exports.TASKPANE_BUDGET = TASKPANE_BUDGET;
module.exports.htmlParameters = htmlParameters;
