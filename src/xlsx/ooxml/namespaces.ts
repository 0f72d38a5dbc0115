/**
 * The names OOXML packages are written in: XML namespaces, relationship types and content
 * types (ECMA-376 Parts 1 and 2), one table for every writer and reader in src/xlsx.
 */

export const NS = {
  /** SpreadsheetML (Transitional) */
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  /** SpreadsheetML in Strict Open XML */
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  /** r:id attributes that point through a part's relationships */
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  /** the same in Strict Open XML */
  strictRelationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  /** root of a .rels part */
  packageRelationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawingMain: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  spreadsheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  dublinCore: 'http://purl.org/dc/elements/1.1/',
  dublinCoreTerms: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Relationship types of the office document, by their last segment. */
export const REL = {
  officeDocument: `${NS.relationships}/officeDocument`,
  worksheet: `${NS.relationships}/worksheet`,
  styles: `${NS.relationships}/styles`,
  sharedStrings: `${NS.relationships}/sharedStrings`,
  table: `${NS.relationships}/table`,
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
  hyperlink: `${NS.relationships}/hyperlink`,
  extendedProperties: `${NS.relationships}/extended-properties`,
  calcChain: `${NS.relationships}/calcChain`,
  coreProperties: `${NS.packageRelationships}/metadata/core-properties`,
} as const;

/**
 * Does a relationship have this type? Compared by the last segment, so the Strict
 * (purl.oclc.org) spelling of the same type matches too.
 */
export function isRelType(type: string, kind: keyof typeof REL): boolean {
  const full = REL[kind];
  return type.endsWith(full.slice(full.lastIndexOf('/')));
}

const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';

export const CT = {
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  workbook: `${SML}sheet.main+xml`,
  template: `${SML}template.main+xml`,
  workbookMacroEnabled: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  templateMacroEnabled: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
  addinMacroEnabled: 'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  worksheet: `${SML}worksheet+xml`,
  styles: `${SML}styles+xml`,
  sharedStrings: `${SML}sharedStrings+xml`,
  calcChain: `${SML}calcChain+xml`,
  table: `${SML}table+xml`,
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
  extendedProperties: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;
