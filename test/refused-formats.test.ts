/**
 * Two workbook files KJScore cannot read, each refused in one clear Chinese line — exit 2 on the
 * command line (check and recalc, no output written) and the same line on the page:
 * - an .xlsb, the binary workbook ([MS-XLSB] 2.1.1: a zip whose main part is xl/workbook.bin),
 *   test/fixtures/corpus/refused-binary.xlsb (derive_forms.py);
 * - a password-protected .xlsx, which Excel saves as a compound file holding the streams
 *   EncryptionInfo and EncryptedPackage ([MS-OFFCRYPTO] 2.3.4, ECMA-376 document encryption),
 *   built here with test/helpers/cfb-build.ts (no tool on this machine writes one).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../src/cli/main";
import { createFileHost } from "../src/filehost/host";
import { buildCfb } from "./helpers/cfb-build";
import { CORPUS } from "./helpers/lossless";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-refused-"));
  fs.copyFileSync(path.join(CORPUS, "refused-binary.xlsb"), path.join(dir, "得分.xlsb"));
  // an encrypted package: the streams' content is opaque here (random-looking bytes)
  const opaque = (n: number, seed: number) => Uint8Array.from({ length: n }, (_v, i) => (i * 31 + seed) & 255);
  fs.writeFileSync(
    path.join(dir, "加密.xlsx"),
    buildCfb([
      { name: "EncryptionInfo", data: opaque(4096, 7) },
      { name: "EncryptedPackage", data: opaque(8192, 3) },
    ]),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t: string) => (out += t), err: (t: string) => (err += t) });
  return { code, out, err };
}

const CASES = [
  { file: "得分.xlsb", says: /\.xlsb（Excel 二进制工作簿）.*另存为 \.xlsx/ },
  { file: "加密.xlsx", says: /设了打开密码（已加密）.*取消密码后再试/ },
];

describe.each(CASES)("$file", ({ file, says }) => {
  test("kjscore check: exit 2, one Chinese line naming the file and the reason, nothing on stdout", async () => {
    const r = await cli(["check", path.join(dir, file)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain(file);
    expect(r.err).toMatch(says);
    expect(r.err).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English internals ("Cannot read …")
  });

  test("kjscore check --json and recalc: exit 2 with the same reason, and recalc writes no file", async () => {
    const json = await cli(["check", "--json", path.join(dir, file)]);
    expect(json.code).toBe(2);
    expect(json.err).toMatch(says);
    const out = path.join(dir, `${file}.重算.xlsx`);
    const r = await cli(["recalc", path.join(dir, file), "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(says);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("the page: opening it shows the same reason with the file's name, and nothing to apply", async () => {
    const host = createFileHost();
    await host.open(file, new Uint8Array(fs.readFileSync(path.join(dir, file))));
    const r = await host.load();
    expect(r).toMatchObject({ ok: false, reason: "error" });
    const message = !r.ok ? r.message : "";
    expect(message).toContain(file);
    expect(message).toMatch(says);
    const line = (await cli(["check", path.join(dir, file)])).err;
    // the same reason as the command line gives (each host names the file its own way)
    expect(line).toContain(message.slice(message.indexOf("：") + 1));
  });
});
