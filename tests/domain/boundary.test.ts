/**
 * The pure core stays pure: files under src/domain and src/messages import only each other,
 * src/version.ts and zod — never exceljs, React, Fluent UI, Office.js, `node:*` or a Node
 * built-in (fs, path …) — and touch no host global: Excel., Office., OfficeExtension., process,
 * Buffer, require, window, document. Checked on the syntax tree (comments may name them).
 * The task pane's own boundary is tests/taskpane/source.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { builtinModules } from 'module';
import ts from 'typescript';
import { sourceFiles, syntaxTree } from '../support/sourceFiles';

const ROOT = path.resolve(__dirname, '..', '..');
const PURE = ['src/domain', 'src/messages'];
const ALLOWED_PACKAGES = new Set(['zod']);
const ALLOWED_FILES = ['src/version.ts'];
const HOST_GLOBALS = new Set(['Excel', 'Office', 'OfficeExtension', 'process', 'Buffer', 'require', 'window', 'document', '__dirname', '__filename']);

/** what a file imports that the pure core may not, and the host globals it touches */
function violations(file: string, text: string): string[] {
  const sf = syntaxTree(file, text);
  const out: string[] = [];
  const checkImport = (spec: string) => {
    if (spec.startsWith('.')) {
      const target = path.relative(ROOT, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      const inside = PURE.some((d) => target === d || target.startsWith(d + '/')) || ALLOWED_FILES.some((f) => target + '.ts' === f || target === f);
      if (!inside) out.push(`imports ${spec}`);
      return;
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!ALLOWED_PACKAGES.has(pkg)) out.push(`imports ${spec}${spec.startsWith('node:') || builtinModules.includes(pkg) ? ' (Node)' : ''}`);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) checkImport(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) checkImport(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) checkImport(node.argument.literal.text);
    else if (ts.isIdentifier(node) && HOST_GLOBALS.has(node.text)) {
      // a property name (x.process) or a declared name of our own is not the global
      const p = node.parent;
      const isMember = ts.isPropertyAccessExpression(p) && p.name === node;
      const isKey = (ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) && p.name === node;
      if (!isMember && !isKey) out.push(`uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const files = PURE.flatMap((d) => sourceFiles(path.join(ROOT, d)));

test('the check sees imports and host globals, not comments', () => {
  const file = path.join(ROOT, 'src/domain/base/sample.ts');
  const bad = [
    "import ExcelJS from 'exceljs';",
    "import { readFile } from 'node:fs';",
    "import path from 'path';",
    "import type { ReactNode } from 'react';",
    "export { x } from '../../excel/gateway';",
    "const m = import('@fluentui/react-components');",
    'type R = Excel.Range;',
    'const w = Office.context;',
    'const e = process.env.X;',
    '// Excel.run and node:fs in a comment are fine',
    "import { z } from 'zod';",
    "import { ja } from '../../messages/ja';",
    "import { TOOL_NAME } from '../../version';",
    'const o = { process: 1 }; const p = o.process;',
  ].join('\n');
  expect(violations(file, bad)).toEqual([
    'imports exceljs',
    'imports node:fs (Node)',
    'imports path (Node)',
    'imports react',
    'imports ../../excel/gateway',
    'imports @fluentui/react-components',
    'uses Excel',
    'uses Office',
    'uses process',
  ]);
});

test('src/domain and src/messages import only themselves, src/version.ts and zod, and touch no host', () => {
  expect(files.length).toBeGreaterThan(40);
  const found = files.flatMap((f) => violations(f, fs.readFileSync(f, 'utf8')).map((v) => `${path.relative(ROOT, f)}: ${v}`));
  expect(found).toEqual([]);
});
