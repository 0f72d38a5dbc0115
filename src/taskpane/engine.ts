/**
 * The review engine as the pane loads it on demand (index.tsx): the Office.js gateway and the
 * domain, with zod told first not to compile parsers (see ./zodConfig).
 */
import './zodConfig'; // first: before any module builds or runs a zod schema
export { createOfficeGateway } from '../excel/officeGateway';
export { createOfficeImportGateway } from '../excel/officeImportGateway';
