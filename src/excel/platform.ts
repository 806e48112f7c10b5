/** What the running Office says about itself: requirement sets and the platform. */
import { WEB_PAYLOAD_LIMIT } from "./read";

export function officeSupports(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

/** Excel on the web (Office.context.platform "OfficeOnline"). */
export function onTheWeb(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.OfficeOnline;
  } catch {
    return false;
  }
}

export function defaultPayloadLimit(): number {
  return onTheWeb() ? WEB_PAYLOAD_LIMIT : Infinity;
}
