/**
 * The slice of the custom functions runtime API this add-in uses (the package
 * @types/custom-functions-runtime is not a dependency). Excel provides the global in the
 * shared runtime; it is absent in a plain browser.
 */
declare namespace CustomFunctions {
  type ErrorCodeName =
    "invalidValue" | "notAvailable" | "divisionByZero" | "invalidNumber" | "nullReference" | "invalidName" | "invalidReference";
  const ErrorCode: Record<ErrorCodeName, string>;
  class Error {
    constructor(errorCode: string, errorMessage?: string);
    code: string;
    message?: string;
  }
  function associate(id: string, functionObject: (...args: any[]) => unknown): void;
}
