/**
 * A workbook file held as its bytes: what the command line and the browser page work on.
 * Reading gives WorkbookData; every change is a patch of the package (./patch.ts), after
 * which the document is the new bytes. The previous bytes are the undo.
 */
import type { WorkbookData } from "../model/types";
import type { SheetNotes } from "./notes";
import { notesOf, patchPackage, sheetPartOf, stylesOf, type CellChange } from "./patch";
import { readPackage, type OpenedPackage } from "./read";
import type { ZipLimits } from "./zip";

export class XlsxDocument {
  private pkg: OpenedPackage;

  constructor(
    bytes: Uint8Array,
    private readonly limits?: ZipLimits,
  ) {
    this.pkg = readPackage(bytes, limits);
  }

  get bytes(): Uint8Array {
    return this.pkg.zip.bytes;
  }

  get data(): WorkbookData {
    return this.pkg.data;
  }

  get date1904(): boolean {
    return this.pkg.info.date1904;
  }

  /** The package's main content type says macros ([Content_Types].xml of an .xlsm). */
  get macroEnabled(): boolean {
    const types = this.pkg.zip.text("[Content_Types].xml") ?? "";
    return /macroEnabled\.main\+xml/i.test(types) || this.pkg.zip.entries.some((e) => /vbaProject\.bin$/i.test(e.name));
  }

  hasSheet(name: string): boolean {
    try {
      sheetPartOf(this.pkg, name);
      return true;
    } catch {
      return false;
    }
  }

  /** The sheet's notes: text by A1 ref, and the cells with threaded comments. */
  notes(sheet: string): SheetNotes {
    return notesOf(this.pkg, sheet);
  }

  /** The style index of each cell (for giving a cell back exactly the style it had). */
  styles(sheet: string, cells: { row: number; col: number }[]): Map<string, number> {
    return stylesOf(this.pkg, sheet, cells);
  }

  /** Makes the changes; the document is then the patched package. */
  patch(changes: CellChange[]): void {
    if (changes.length === 0) return;
    this.pkg = readPackage(patchPackage(this.pkg, changes), this.limits);
  }
}

export type { CellChange };
