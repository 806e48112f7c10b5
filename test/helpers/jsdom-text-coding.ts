/**
 * jsdom has no TextEncoder/TextDecoder, which every browser the page runs in has (the .xlsx
 * package layer decodes parts with them). Import this first in a jsdom test that reads a file.
 */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
