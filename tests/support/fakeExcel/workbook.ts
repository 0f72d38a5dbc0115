/** Workbook, worksheets, worksheet, protection, custom properties and frozen panes. */
import { MAX_COLS, MAX_ROWS } from './a1';
import { ClientObject, enqueueResult, FakeClientResult, FakeRequestContext, type LoadResult } from './context';
import { fail } from './errors';
import { defaultProtectionOptions, PROTECTION_OPTION_KEYS, type FakeSheet, type FakeWorkbook } from './model';
import { ChartCollectionProxy, TableCollectionProxy } from './objects';
import { insertFromPackage, type InsertOptions } from './insertSheets';
import { localRect, RangeProxy } from './range';
import { PageBreakCollectionProxy, PageLayoutProxy } from './pageLayout';

export function createContext(fake: FakeWorkbook): FakeRequestContext {
  const ctx = new FakeRequestContext(fake);
  ctx.workbook = new WorkbookProxy(ctx, () => fake);
  return ctx;
}

export class WorkbookProxy extends ClientObject<FakeWorkbook> {
  protected readonly _type = 'Workbook';
  protected readonly _scalars = ['name'] as const;
  private _sheets?: WorksheetCollectionProxy;
  protected _read(name: string, wb: FakeWorkbook): unknown {
    return name === 'name' ? wb.name : undefined;
  }
  protected override _child(name: string): ClientObject<unknown> | undefined {
    return name === 'worksheets' ? (this.worksheets as ClientObject<unknown>) : undefined;
  }
  get name(): string {
    return this._get('name');
  }
  get worksheets(): WorksheetCollectionProxy {
    return (this._sheets ??= new WorksheetCollectionProxy(this.context, () => this._resolve()));
  }
  /** ExcelApi 1.13: the chosen worksheets of a package (base64) at the end; their ids once synced */
  insertWorksheetsFromBase64(base64File: string, options?: InsertOptions): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this.context.enqueue({
      desc: { call: 'insertWorksheetsFromBase64', id: this._id, type: this._type, args: [base64File, options] },
      run: async () => {
        const ids = await insertFromPackage(this._must('insertWorksheetsFromBase64'), base64File, options);
        return { data: ids, commit: () => result._commit(ids) };
      },
    });
    return result;
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const wb = this._must('getSelectedRange');
      const sel = wb.selection;
      const sheet = sel ? wb.sheetById(sel.sheetId) : wb.activeSheetId ? wb.sheetById(wb.activeSheetId) : undefined;
      if (!sheet) fail('ItemNotFound', 'no selection', 'Workbook.getSelectedRange');
      return { sheet, rect: sel?.sheetId === sheet.id ? { ...sel.rect } : { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

export class WorksheetCollectionProxy extends ClientObject<FakeWorkbook> {
  protected readonly _type = 'WorksheetCollection';
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadSpecial(head: string, rests: string[][], wb: FakeWorkbook): LoadResult | undefined {
    if (head !== 'items') return undefined;
    return this._loadItems(wb.sheets.map((s) => new WorksheetProxy(this.context, () => s)), rests);
  }
  get items(): WorksheetProxy[] {
    return this._get('items');
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const wb = this._must('getItem');
      return wb.sheet(key) ?? wb.sheetById(key) ?? fail('ItemNotFound', `The requested resource doesn't exist: worksheet '${key}'.`, 'WorksheetCollection.getItem');
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      () => {
        const wb = this._must('getItemOrNullObject');
        return wb.sheet(key) ?? wb.sheetById(key) ?? null;
      },
      true,
    );
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const wb = this._must('getActiveWorksheet');
      return (wb.activeSheetId && wb.sheetById(wb.activeSheetId)) || fail('ItemNotFound', 'no active worksheet', 'WorksheetCollection.getActiveWorksheet');
    });
  }
  add(name?: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this._call('add', [name], (wb) => {
      created = wb.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => created);
  }
  getCount(): FakeClientResult<number> {
    return enqueueResult(this.context, { call: 'getCount', id: this._id }, () => this._must('getCount').sheets.length);
  }
}

export class WorksheetProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'Worksheet';
  protected readonly _scalars = ['id', 'name', 'position', 'visibility'] as const;
  private _protection?: WorksheetProtectionProxy;
  private _props?: CustomPropertyCollectionProxy;
  private _freeze?: FreezePanesProxy;
  private _tables?: TableCollectionProxy;
  private _charts?: ChartCollectionProxy;
  private _layout?: PageLayoutProxy;
  private _breaks?: PageBreakCollectionProxy;

  protected _read(name: string, s: FakeSheet): unknown {
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return s.workbook.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
    }
    return undefined;
  }
  protected override _child(name: string): ClientObject<unknown> | undefined {
    if (name === 'protection') return this.protection as ClientObject<unknown>;
    if (name === 'tables') return this.tables as ClientObject<unknown>;
    if (name === 'customProperties') return this.customProperties as ClientObject<unknown>;
    if (name === 'pageLayout') return this.pageLayout as ClientObject<unknown>;
    return undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (s) => s.workbook.renameSheet(s, v));
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, (s) => s.workbook.moveSheet(s, v));
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, (s) => s.workbook.setVisibility(s, v));
  }
  get protection(): WorksheetProtectionProxy {
    return (this._protection ??= new WorksheetProtectionProxy(this.context, () => this._resolve()));
  }
  get customProperties(): CustomPropertyCollectionProxy {
    return (this._props ??= new CustomPropertyCollectionProxy(this.context, () => this._resolve()));
  }
  get freezePanes(): FreezePanesProxy {
    return (this._freeze ??= new FreezePanesProxy(this.context, () => this._resolve()));
  }
  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, () => this._resolve()));
  }
  get charts(): ChartCollectionProxy {
    return (this._charts ??= new ChartCollectionProxy(this.context, () => this._resolve()));
  }
  get pageLayout(): PageLayoutProxy {
    return (this._layout ??= new PageLayoutProxy(this.context, () => this._resolve()));
  }
  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return (this._breaks ??= new PageBreakCollectionProxy(this.context, () => this._resolve()));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this._must('getRange');
      return { sheet: s, rect: localRect(s, address) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this._must('getRangeByIndexes');
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format (getRangeByIndexes ${startRow},${startColumn},${rowCount},${columnCount}).`, 'Worksheet.getRangeByIndexes');
      }
      return { sheet: s, rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this._must('getUsedRange');
      return { sheet: s, rect: s.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this._must('getUsedRangeOrNullObject');
        const rect = s.usedRect(valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
      true,
    );
  }
  activate(): void {
    this._call('activate', [], (s) => s.workbook.activate(s));
  }
  delete(): void {
    this._call('delete', [], (s) => s.workbook.deleteSheet(s));
  }
}

export class WorksheetProtectionProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'WorksheetProtection';
  protected readonly _scalars = ['protected', 'options'] as const;
  protected _read(name: string, s: FakeSheet): unknown {
    if (name === 'protected') return s.protection.protected;
    if (name === 'options') return { ...s.protection.options };
    return undefined;
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Record<string, unknown> {
    return this._get('options');
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    for (const k of Object.keys(options ?? {})) {
      if (!(PROTECTION_OPTION_KEYS as readonly string[]).includes(k)) fail('InvalidArgument', `unknown protection option ${k}`, 'WorksheetProtection.protect');
    }
    this._call('protect', [options, password === undefined ? undefined : '***'], (s) => {
      if (s.protection.protected) fail('InvalidOperation', 'The worksheet is already protected.', 'WorksheetProtection.protect');
      s.protection = { protected: true, options: { ...defaultProtectionOptions(), ...(options ?? {}) }, ...(password ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    this._call('unprotect', [password === undefined ? undefined : '***'], (s) => {
      if (!s.protection.protected) return;
      if (s.protection.password !== undefined && s.protection.password !== password) {
        fail('InvalidArgument', 'The password you supplied is not correct. Verify that the CAPS LOCK key is off and be sure to use the correct capitalization.', 'WorksheetProtection.unprotect');
      }
      s.protection = { protected: false, options: s.protection.options };
    });
  }
}

export interface PropTarget {
  sheet: FakeSheet;
  key: string;
}

export class CustomPropertyProxy extends ClientObject<PropTarget> {
  protected readonly _type = 'WorksheetCustomProperty';
  protected readonly _scalars = ['key', 'value'] as const;
  protected _read(name: string, t: PropTarget): unknown {
    const p = t.sheet.customProperties.get(t.key.toLowerCase());
    if (name === 'key') return p?.key;
    if (name === 'value') return p?.value;
    return undefined;
  }
  get key(): string {
    return this._get('key');
  }
  get value(): string {
    return this._get('value');
  }
  set value(v: string) {
    this._set('value', v, (t) => {
      const p = t.sheet.customProperties.get(t.key.toLowerCase());
      if (p) p.value = v;
    });
  }
  delete(): void {
    this._call('delete', [], (t) => t.sheet.customProperties.delete(t.key.toLowerCase()));
  }
}

export class CustomPropertyCollectionProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'WorksheetCustomPropertyCollection';
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadSpecial(head: string, rests: string[][], s: FakeSheet): LoadResult | undefined {
    if (head !== 'items') return undefined;
    return this._loadItems([...s.customProperties.values()].map((p) => new CustomPropertyProxy(this.context, () => ({ sheet: s, key: p.key }))), rests);
  }
  get items(): CustomPropertyProxy[] {
    return this._get('items');
  }
  add(key: string, value: string): CustomPropertyProxy {
    if (!key || key.length > 255) fail('InvalidArgument', 'a custom property key is 1–255 characters', 'WorksheetCustomPropertyCollection.add');
    this._call('add', [key, value], (s) => {
      s.customProperties.set(key.toLowerCase(), { key, value: String(value) });
    });
    return new CustomPropertyProxy(this.context, () => ({ sheet: this._must('add'), key }));
  }
  getItem(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, () => {
      const s = this._must('getItem');
      if (!s.customProperties.has(key.toLowerCase())) fail('ItemNotFound', `no custom property ${key}`, 'WorksheetCustomPropertyCollection.getItem');
      return { sheet: s, key };
    });
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(
      this.context,
      () => {
        const s = this._must('getItemOrNullObject');
        return s.customProperties.has(key.toLowerCase()) ? { sheet: s, key } : null;
      },
      true,
    );
  }
}

export class FreezePanesProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'WorksheetFreezePanes';
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (s) => {
      s.freezeRows = count;
      s.freezeColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], (s) => {
      s.freezeColumns = count;
      s.freezeRows = 0;
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (s) => {
      s.freezeRows = 0;
      s.freezeColumns = 0;
    });
  }
}
