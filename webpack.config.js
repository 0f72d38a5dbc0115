// webpack configuration for the 進捗レビュー (Progress Review) task pane, after the `yo office`
// React task-pane template.
//
//   webpack --mode production       → dist/ (never needs certificates; also the default mode)
//   webpack --mode development      → dist/ with development React
//   webpack serve --mode development → https://localhost:3000 (dev certificates, see httpsServer)
//
// Environment:
//   OFFICE_JS_LOCAL=1       the HTML pages load Office.js from ./office-js/office.js (copied from
//                           @microsoft/office-js) instead of the CDN, so tests run offline.
//   ADDIN_PUBLIC_URL=https://host/path/
//                           production only: rewrite https://localhost:3000/ in dist/manifest*.xml to
//                           the deployment URL (manifest.xml itself always stays on localhost).

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
const OFFICE_JS_LOCAL_DIR = 'office-js';
/** Office.js telemetry (telemetry/oteljs_agave.js) posts to the Aria collectors. */
const OFFICE_JS_CONNECT_SRC = 'https://*.pipe.aria.microsoft.com';

/**
 * Files of @microsoft/office-js copied to dist/office-js/: office.js and the scripts it loads from
 * its own folder when the page is not hosted by Office (o15apptofilemappingtable.js), its telemetry
 * sink and the locale strings we use. The Excel host scripts (excel-web-16.00.js …, 1–1.4 MB each)
 * are not copied: inside Excel the pages use the CDN.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'telemetry/oteljs_agave.js',
  'ja-jp/office_strings.js',
  'en-us/office_strings.js',
];

const officeJsDist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * Values substituted into src/taskpane/taskpane.html and src/commands/commands.html
 * (`<%= name %>`). The Content-Security-Policy is written out in the HTML files; only the parts
 * that depend on the build are here.
 */
function htmlParameters({ dev, officeJsLocal }) {
  return {
    officeJsUrl: officeJsLocal ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN,
    // 'self' already covers ./office-js/ when Office.js is served locally.
    cspScriptSrc: officeJsLocal ? "'self'" : `'self' ${OFFICE_JS_CDN_ORIGIN}`,
    // 'self' matches the dev server's wss:// in CSP3 browsers; older WebKit needs it spelt out.
    cspConnectSrc: ["'self'", OFFICE_JS_CONNECT_SRC, ...(dev ? [`wss://localhost:${DEV_PORT}`] : [])].join(' '),
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

/** Rewrite the dev origin in manifest*.xml for a deployment (production + ADDIN_PUBLIC_URL only). */
function manifestTransform(publicUrl) {
  if (!publicUrl) return undefined;
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must be https: ${publicUrl}`);
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return (content) =>
    content
      .toString()
      .split(DEV_URL)
      .join(base)
      .split(`<AppDomain>${DEV_URL.slice(0, -1)}</AppDomain>`)
      .join(`<AppDomain>${url.origin}</AppDomain>`);
}

module.exports = async (env = {}, argv = {}) => {
  // As in the yo office template: anything but --mode development is a production build.
  const dev = argv.mode === 'development';
  const officeJsLocal = process.env.OFFICE_JS_LOCAL === '1';
  const html = htmlParameters({ dev, officeJsLocal });
  const transformManifest = dev ? undefined : manifestTransform(process.env.ADDIN_PUBLIC_URL);

  return {
    mode: dev ? 'development' : 'production',
    // Not an eval-based devtool: the pages' CSP has no 'unsafe-eval'.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
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
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules let webpack tree-shake Fluent UI (2 MB instead of 26 MB in development).
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false, sourceMap: true },
            },
          },
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
          ...OFFICE_JS_FILES.map((file) => ({
            from: path.join(officeJsDist, file),
            to: `${OFFICE_JS_LOCAL_DIR}/${file}`,
            // Already minified by Microsoft; passing them through terser costs minutes.
            info: { minimized: true },
          })),
        ],
      }),
    ],
    performance: {
      // The task pane bundle (React + Fluent UI) is ≈300 KB; warn well before it doubles.
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
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

// For tests and tooling.
module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_FILES = OFFICE_JS_FILES;
module.exports.htmlParameters = htmlParameters;
