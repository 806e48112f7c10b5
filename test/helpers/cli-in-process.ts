/**
 * The kjscore command run in this process (run() from src/cli/main), for tests that look at the
 * plan or the files it wrote: what it printed to stdout and stderr, and its exit status.
 * Tests that need the command as a user starts it (a separate process) use ./cli-build.
 */
import { run } from "../../src/cli/main";

export async function kj(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
