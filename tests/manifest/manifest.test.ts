/**
 * Offline checks of manifest.xml. `office-addin-manifest validate` needs Microsoft's online
 * service, so this test covers what can be checked here: that office-addin-manifest reads the file,
 * the schema's element order at the top level, ids, hosts, permissions, the requirement set, every
 * URL and the file it is served from, icon pixel sizes, resource ids and the ja/en-US strings.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { ManifestInfo } from 'office-addin-manifest/lib/manifestInfo';
import { child, childrenNamed, descendants, parseXml, pathOf, XmlDocument, XmlElement } from './xml';

const repo = path.resolve(__dirname, '..', '..');
const manifestPath = path.join(repo, 'manifest.xml');
const DEV_ORIGIN = 'https://localhost:3000';

const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  versionOverrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

/** Children of <OfficeApp> (TaskPaneApp) in the order the schema's xs:sequence requires. */
const SCHEMA_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];
/** The ones this add-in must have, in that order. */
const REQUIRED_CHILDREN = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

/**
 * Excel APIs the add-in uses and the ExcelApi requirement set that introduced each (Office
 * Add-ins docs; the same annotations are in @types/office-js). The manifest's MinVersion must be
 * the highest of these, and its comment must list them.
 */
const API_SETS: Record<string, string> = {
  getUsedRangeOrNullObject: '1.4',
  getItemOrNullObject: '1.4',
  conditionalFormats: '1.6',
  iconSet: '1.6',
  dataBar: '1.6',
  tables: '1.1',
  charts: '1.1',
  freezePanes: '1.7',
  dataValidation: '1.8',
  'protection.locked': '1.2',
  'Worksheet.protection': '1.2',
  hyperlink: '1.7',
  getMergedAreasOrNullObject: '1.13',
};
const MAX_EXCEL_API = '1.17';

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface WebpackLike {
  plugins: { constructor: { name: string }; userOptions?: { filename?: string; template?: string } }[];
}

/** Where dist/<file> comes from: the HtmlWebpackPlugin template, or a copied assets/ file. */
async function sourceOfServedFile(urlPath: string): Promise<string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(repo, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => Promise<WebpackLike>;
  const config = await makeConfig({ localhost: true }, { mode: 'production' });
  for (const plugin of config.plugins) {
    const options = plugin.userOptions;
    if (plugin.constructor.name === 'HtmlWebpackPlugin' && options?.filename === urlPath && options.template) {
      return path.resolve(repo, options.template);
    }
  }
  if (urlPath.startsWith('assets/') && !urlPath.slice('assets/'.length).includes('/')) {
    return path.join(repo, urlPath); // CopyWebpackPlugin: assets/* → assets/[name][ext]
  }
  return undefined;
}

/**
 * OfficeAddinManifest.readManifestFile, run in a child Node process: office-addin-manifest's
 * dependencies include ES-module-only packages (uuid 14, strip-bom 5) that Node ≥ 20.19 can
 * require() but jest's module system cannot.
 */
function readManifestFile(file: string): ManifestInfo {
  const script = [
    "const { OfficeAddinManifest } = require('office-addin-manifest/lib/manifestOperations');",
    'OfficeAddinManifest.readManifestFile(process.argv[1])',
    '  .then((info) => process.stdout.write(JSON.stringify(info)))',
    '  .catch((err) => { console.error(err); process.exit(1); });',
  ].join('\n');
  const out = execFileSync(process.execPath, ['-e', script, file], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out) as ManifestInfo;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...buf.subarray(0, 8)]).toEqual(signature);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function hasJapanese(s: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(s);
}

function attr(el: XmlElement, name: string): string {
  const v = el.attrs.get(name);
  if (v === undefined) throw new Error(`<${pathOf(el)}> has no ${name} attribute`);
  return v;
}

describe('manifest.xml', () => {
  let doc: XmlDocument;
  let root: XmlElement;
  let versionOverrides: XmlElement;
  let resources: XmlElement;

  beforeAll(() => {
    doc = parseXml(fs.readFileSync(manifestPath, 'utf8'));
    root = doc.root;
    versionOverrides = child(root, 'VersionOverrides');
    resources = child(versionOverrides, 'Resources');
  });

  test('office-addin-manifest reads it', () => {
    const info = readManifestFile(manifestPath);
    expect(info.manifestType).toBe('xml');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.id).toBe(child(root, 'Id').text.trim());
    expect(info.version).toBe(child(root, 'Version').text.trim());
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultLocale).toBe('ja-JP');
    expect(info.displayName).toBe('進捗レビュー');
    expect(info.providerName).toBeTruthy();
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(info.iconUrl).toBe(`${DEV_ORIGIN}/assets/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${DEV_ORIGIN}/assets/icon-64.png`);
    expect(info.appDomains).toEqual([DEV_ORIGIN]);
  });

  test('root element and namespaces', () => {
    expect(root.local).toBe('OfficeApp');
    expect(root.ns).toBe(NS.officeApp);
    expect(root.attrs.get('xmlns')).toBe(NS.officeApp);
    expect(root.attrs.get('xmlns:xsi')).toBe(NS.xsi);
    expect(root.attrs.get('xmlns:bt')).toBe(NS.bt);
    expect(root.attrs.get('xsi:type')).toBe('TaskPaneApp');
    expect(versionOverrides.ns).toBe(NS.versionOverrides);
    expect(versionOverrides.attrs.get('xsi:type')).toBe('VersionOverridesV1_0');
    for (const el of descendants(resources).slice(1)) {
      expect([pathOf(el), el.ns]).toEqual([pathOf(el), el.local === 'Override' || el.name.startsWith('bt:') ? NS.bt : NS.versionOverrides]);
    }
  });

  test('top-level elements follow the schema order', () => {
    const names = root.children.map((c) => c.local);
    for (const name of names) expect(SCHEMA_ORDER).toContain(name);
    const indices = names.map((n) => SCHEMA_ORDER.indexOf(n));
    for (let i = 1; i < indices.length; i++) {
      expect([names[i - 1], names[i], indices[i] > indices[i - 1]]).toEqual([names[i - 1], names[i], true]);
    }
    expect(names.filter((n) => REQUIRED_CHILDREN.includes(n))).toEqual(REQUIRED_CHILDREN);
  });

  test('Id is a GUID and Version is x.y.z.w matching package.json', () => {
    expect(child(root, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    const version = child(root, 'Version').text.trim();
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(`${pkg.version.split('-')[0]}.0`);
  });

  test('Excel workbook host, ReadWriteDocument, ja-JP with en-US overrides', () => {
    const hosts = childrenNamed(child(root, 'Hosts'), 'Host');
    expect(hosts.map((h) => h.attrs.get('Name'))).toEqual(['Workbook']);
    expect(child(root, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(child(root, 'DefaultLocale').text.trim()).toBe('ja-JP');
    const displayName = child(root, 'DisplayName');
    expect(attr(displayName, 'DefaultValue')).toBe('進捗レビュー');
    expect(childrenNamed(displayName, 'Override').map((o) => [o.attrs.get('Locale'), o.attrs.get('Value')])).toEqual([
      ['en-US', 'Progress Review'],
    ]);
    const description = child(root, 'Description');
    expect(hasJapanese(attr(description, 'DefaultValue'))).toBe(true);
    expect(attr(description, 'DefaultValue').length).toBeLessThanOrEqual(250);
    const en = childrenNamed(description, 'Override');
    expect(en.map((o) => o.attrs.get('Locale'))).toEqual(['en-US']);
    expect(attr(en[0], 'Value')).not.toBe('');
    expect(child(root, 'ProviderName').text.trim()).not.toBe('');
  });

  test('requirement set: ExcelApi, the lowest version covering the APIs used, at most 1.17', () => {
    const sets = child(child(root, 'Requirements'), 'Sets');
    expect(sets.attrs.get('DefaultMinVersion')).toBe('1.1');
    const excel = childrenNamed(sets, 'Set').filter((s) => s.attrs.get('Name') === 'ExcelApi');
    expect(excel).toHaveLength(1);
    const min = attr(excel[0], 'MinVersion');
    const needed = Object.values(API_SETS).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    expect(min).toBe(needed);
    expect(compareVersions(min, MAX_EXCEL_API)).toBeLessThanOrEqual(0);
    // The manifest documents which API needs which set.
    const note = doc.comments.join('\n');
    for (const [api, set] of Object.entries(API_SETS)) {
      expect(note).toContain(api.split('.').pop() as string);
      expect(note).toContain(`ExcelApi ${set} `);
    }
  });

  test('every URL is on https://localhost:3000 and served from a file that exists', async () => {
    const urls: { where: string; url: string }[] = [];
    for (const el of descendants(root)) {
      for (const [name, value] of el.attrs) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        if (value.includes('://')) urls.push({ where: `${pathOf(el)}@${name}`, url: value });
      }
      if (el.text.includes('://')) urls.push({ where: pathOf(el), url: el.text.trim() });
    }
    expect(urls.length).toBeGreaterThan(5);
    for (const { where, url } of urls) {
      if (where === 'OfficeApp/AppDomains/AppDomain') {
        expect([where, url]).toEqual([where, DEV_ORIGIN]);
        continue;
      }
      expect([where, url.startsWith(`${DEV_ORIGIN}/`)]).toEqual([where, true]);
      const urlPath = new URL(url).pathname.slice(1);
      const source = await sourceOfServedFile(urlPath);
      expect([where, source !== undefined && fs.existsSync(source)]).toEqual([where, true]);
    }
  });

  test('icons exist with the pixel sizes they claim', () => {
    const file = (url: string) => path.join(repo, new URL(url).pathname.slice(1));
    expect(pngSize(file(attr(child(root, 'IconUrl'), 'DefaultValue')))).toEqual({ width: 32, height: 32 });
    expect(pngSize(file(attr(child(root, 'HighResolutionIconUrl'), 'DefaultValue')))).toEqual({ width: 64, height: 64 });
    const images = new Map(childrenNamed(child(resources, 'Images'), 'Image').map((i) => [attr(i, 'id'), attr(i, 'DefaultValue')]));
    const uses = descendants(child(versionOverrides, 'Hosts')).filter((e) => e.name === 'bt:Image');
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const size = Number(attr(use, 'size'));
      const url = images.get(attr(use, 'resid'));
      expect(url).toBeDefined();
      expect(pngSize(file(url as string))).toEqual({ width: size, height: size });
    }
    for (const name of fs.readdirSync(path.join(repo, 'assets'))) {
      const m = /^icon-(\d+)\.png$/.exec(name);
      if (m) expect([name, pngSize(path.join(repo, 'assets', name))]).toEqual([name, { width: +m[1], height: +m[1] }]);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(repo, 'assets', `icon-${size}.png`))).toBe(true);
    expect(fs.existsSync(path.join(repo, 'assets', 'logo-filled.png'))).toBe(true);
  });

  test('every resid used in VersionOverrides is defined in Resources, with the right kind', () => {
    const kinds: Record<string, string> = { Images: 'Image', Urls: 'Url', ShortStrings: 'String', LongStrings: 'String' };
    const defined = new Map<string, string>();
    for (const [group, item] of Object.entries(kinds)) {
      for (const el of childrenNamed(child(resources, group), item)) {
        const id = attr(el, 'id');
        expect([id, defined.has(id)]).toEqual([id, false]);
        expect(id.length).toBeLessThanOrEqual(32);
        defined.set(id, group);
      }
    }
    const expectedGroup = (el: XmlElement): string => {
      if (el.name === 'bt:Image') return 'Images';
      if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.local)) return 'Urls';
      if (['Label', 'Title'].includes(el.local)) return 'ShortStrings';
      if (el.local === 'Description') return 'LongStrings';
      return `unknown (${pathOf(el)})`;
    };
    const used = new Set<string>();
    for (const el of descendants(child(versionOverrides, 'Hosts'))) {
      const resid = el.attrs.get('resid');
      if (resid === undefined) continue;
      used.add(resid);
      expect([pathOf(el), resid, defined.get(resid)]).toEqual([pathOf(el), resid, expectedGroup(el)]);
    }
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]); // no unused resources
  });

  test('every string has Japanese default text and an en-US override, within the length limits', () => {
    for (const [group, max] of [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ] as const) {
      for (const s of childrenNamed(child(resources, group), 'String')) {
        const id = attr(s, 'id');
        const ja = attr(s, 'DefaultValue');
        expect([id, hasJapanese(ja), ja.length <= max]).toEqual([id, true, true]);
        const overrides = childrenNamed(s, 'Override');
        expect([id, overrides.map((o) => o.attrs.get('Locale'))]).toEqual([id, ['en-US']]);
        const en = attr(overrides[0], 'Value');
        expect([id, en.length > 0 && en.length <= max, hasJapanese(en)]).toEqual([id, true, false]);
      }
    }
  });

  test('a Home-tab button in group 進捗レビュー opens the task pane; commands.html is the FunctionFile', () => {
    const host = child(child(versionOverrides, 'Hosts'), 'Host');
    expect(host.attrs.get('xsi:type')).toBe('Workbook');
    const form = child(host, 'DesktopFormFactor');
    expect(form.children.map((c) => c.local)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    const urls = new Map(childrenNamed(child(resources, 'Urls'), 'Url').map((u) => [attr(u, 'id'), attr(u, 'DefaultValue')]));
    const strings = new Map(
      [...childrenNamed(child(resources, 'ShortStrings'), 'String'), ...childrenNamed(child(resources, 'LongStrings'), 'String')].map(
        (s) => [attr(s, 'id'), s],
      ),
    );
    expect(urls.get(attr(child(form, 'FunctionFile'), 'resid'))).toBe(`${DEV_ORIGIN}/commands.html`);

    const point = child(form, 'ExtensionPoint');
    expect(point.attrs.get('xsi:type')).toBe('PrimaryCommandSurface');
    const tab = child(point, 'OfficeTab');
    expect(tab.attrs.get('id')).toBe('TabHome');
    const group = child(tab, 'Group');
    expect(group.children.map((c) => c.local)).toEqual(['Label', 'Icon', 'Control']);
    const groupLabel = strings.get(attr(child(group, 'Label'), 'resid')) as XmlElement;
    expect(attr(groupLabel, 'DefaultValue')).toBe('進捗レビュー');
    expect(attr(child(groupLabel, 'Override'), 'Value')).toBe('Progress Review');

    const button = child(group, 'Control');
    expect(button.attrs.get('xsi:type')).toBe('Button');
    expect(button.children.map((c) => c.local)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
    expect(childrenNamed(child(button, 'Icon'), 'Image').map((i) => i.attrs.get('size'))).toEqual(['16', '32', '80']);
    const action = child(button, 'Action');
    expect(action.attrs.get('xsi:type')).toBe('ShowTaskpane');
    expect(child(action, 'TaskpaneId').text.trim()).not.toBe('');
    expect(urls.get(attr(child(action, 'SourceLocation'), 'resid'))).toBe(
      attr(child(child(root, 'DefaultSettings'), 'SourceLocation'), 'DefaultValue'),
    );

    const ids = descendants(versionOverrides)
      .filter((e) => ['Group', 'Control'].includes(e.local))
      .map((e) => attr(e, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
