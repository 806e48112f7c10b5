/** The package is not a readable workbook. `message` is Chinese and says why. */
export class XlsxPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxPackageError";
  }
}
