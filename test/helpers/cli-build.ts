/**
 * The kjscore command as a user runs it, for tests that drive it many times: compiles the CLI
 * fresh (tsconfig.cli.json, as `npm run build:cli` does) into a private copy of the package
 * layout under test-artifacts/ (as test/cli.test.ts does), and runs bin/kjscore.js there —
 * several at once, since each run is a separate process.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

export interface Cli {
  bin: string;
  run(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }>;
  remove(): void;
}

export function buildCli(label: string): Cli {
  const build = path.join(ROOT, "test-artifacts", `${label}-${process.pid}`);
  fs.rmSync(build, { recursive: true, force: true });
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--outDir", path.join(build, "dist-cli")], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch (e) {
    throw new Error(`the CLI does not compile:\n${(e as { stdout?: Buffer }).stdout?.toString() ?? e}`);
  }
  fs.mkdirSync(path.join(build, "bin"));
  const bin = path.join(build, "bin", "kjscore.js");
  fs.copyFileSync(path.join(ROOT, "bin", "kjscore.js"), bin);
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(build, "package.json"));
  return {
    bin,
    run(args, cwd) {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("close", (code) => resolve({ code, out, err }));
      });
    },
    remove() {
      fs.rmSync(build, { recursive: true, force: true });
    },
  };
}

/** Runs `jobs` with at most `width` at a time (the CI machine has 2 cores). */
export async function inParallel<T>(jobs: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}
