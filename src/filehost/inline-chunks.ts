/**
 * The single-file page (dist/kjscore.html, opened from disk): its lazy chunks (the .xlsx layer, the
 * sheet, the 分享版 maker) travel inside the file as inert `<script type="text/plain">` blocks
 * (scripts/single-file-plugin.js) and run only when the page first needs them, so the first view
 * stays as light as the served page's. This swaps webpack's chunk loader (`__webpack_require__.l`,
 * which would add `<script src>` — a second file that does not exist next to a mailed .html) for one
 * that runs the stored text as an inline script; the file's Content-Security-Policy lists each
 * chunk's SHA-256, so nothing but these exact texts can run.
 * In the served page (filehost.html) there are no stored chunks and webpack's loader stays.
 */

/** webpack's chunk loader (webpack 5 runtime, LoadScriptRuntimeModule): url, done(event), key, chunkId. */
type LoadScript = (url: string, done: (event: { type: string; target: unknown }) => void, key?: string, chunkId?: string | number) => void;

declare const __webpack_require__: { l?: LoadScript } | undefined;

export const CHUNK_TYPE = "text/x-kjscore-chunk";

export function installInlineChunks(doc: Document = document): boolean {
  if (typeof __webpack_require__ === "undefined" || !__webpack_require__?.l) return false;
  const stored = new Map<string, HTMLScriptElement>();
  for (const s of Array.from(doc.querySelectorAll<HTMLScriptElement>(`script[type="${CHUNK_TYPE}"]`))) {
    const src = s.getAttribute("data-src");
    if (src) stored.set(src, s);
  }
  if (stored.size === 0) return false;
  const webpackLoad = __webpack_require__.l;
  __webpack_require__.l = (url, done, key, chunkId) => {
    const block = stored.get(url);
    if (!block) return webpackLoad(url, done, key, chunkId);
    const script = doc.createElement("script");
    // the exact stored text: its hash is what the policy allows
    script.textContent = block.textContent;
    try {
      doc.head.appendChild(script); // an inline script runs at once, registering its chunk
    } finally {
      script.remove();
    }
    // webpack's own handler checks the chunk registered (a text the policy refused did not) and
    // rejects the import() otherwise, as for a script that failed to load
    setTimeout(() => done({ type: "load", target: script }), 0);
  };
  return true;
}
