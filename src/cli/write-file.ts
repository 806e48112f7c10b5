/**
 * Writing an output file so that it is whole or absent, never a mix of two writers:
 * 1. the bytes go to a temporary file created exclusively (O_EXCL) in the target's own folder
 *    (same file system, so the last step is atomic), then fsync'ed;
 * 2. without --force the temporary file is hard-linked to the target name: link() fails with
 *    EEXIST when the name exists, so of four `recalc` runs to one OUT at once exactly one wins
 *    and the others say the output exists (rename() would silently replace the winner);
 *    with --force it is renamed over the target (rename() is atomic: a reader sees the old file
 *    or the new one, whole);
 * 3. file systems without hard links (FAT, some network shares) fall back to an exclusive copy.
 * The temporary file is removed in every case. Failures carry the real reason in Chinese.
 */
import * as fs from "fs";
import * as path from "path";

export class WriteError extends Error {
  constructor(
    /** the reason in Chinese ("没有写入权限") */
    readonly reason: string,
    /** the target exists and --force was not given (another writer got there first) */
    readonly exists = false,
  ) {
    super(reason);
    this.name = "WriteError";
  }
}

export function writeFileSafely(file: string, bytes: Uint8Array, opts: { force: boolean }): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.kjscore-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, "wx", 0o666);
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    if (opts.force) fs.renameSync(tmp, file);
    else {
      try {
        fs.linkSync(tmp, file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw e;
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV") throw e;
        fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
      }
    }
    syncFolder(dir);
  } catch (e) {
    throw new WriteError(reasonOf(e, dir), (e as NodeJS.ErrnoException)?.code === "EEXIST" && !opts.force);
  } finally {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* renamed away, or never made */
    }
  }
}

/** The folder's entry for the new name reaches the disk too (where the platform allows it). */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    /* Windows cannot open a folder for fsync; the file itself is synced */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** The real reason of a failed write, in Chinese. */
export function reasonOf(e: unknown, dir: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "没有写入权限";
    case "ENOENT":
      return fs.existsSync(dir) ? "路径无效" : "所在文件夹不存在";
    case "ENOTDIR":
      return "路径中有一段不是文件夹";
    case "EISDIR":
      return "这是一个文件夹";
    case "ENOSPC":
      return "磁盘空间不足";
    case "EDQUOT":
      return "超出磁盘配额";
    case "EROFS":
      return "所在位置是只读的";
    case "EEXIST":
      return "文件已存在（可能另一个程序刚刚写入）";
    case "ENAMETOOLONG":
      return "文件名太长";
    case "EBUSY":
    case "ETXTBSY":
      return "文件正被其他程序占用";
    case "EIO":
      return "磁盘读写错误";
    default:
      return e instanceof Error ? `${code ?? ""}${code ? "：" : ""}写入失败` : String(e);
  }
}
