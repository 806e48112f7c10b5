// Types for scripts/filehost.js, for the TypeScript end-to-end tests.
import type { Server } from "http";
import type { BrowserContext } from "playwright-core";

export const ROOT: string;
export interface Served {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}
export function serveDir(dir: string, opts?: { port?: number; host?: string; index?: string | null; tries?: number }): Promise<Served>;
export function runWebpack(opts?: { config?: string; env?: string[]; mode?: string; quiet?: boolean }): Promise<string>;
export function pageSourceHash(extra?: string[]): string;
export function ensurePageBuilt(opts?: { log?: (line: string) => void }): Promise<string>;
export const CHROMIUM: string;
export const CHROMIUM_APT: string;
export const CHROMIUM_ARGS: string[];
export function chromiumAvailable(): boolean;
export function launchChromium(contextOptions?: Record<string, unknown>): Promise<{ context: BrowserContext; close(): Promise<void> }>;
