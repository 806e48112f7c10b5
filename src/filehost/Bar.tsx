import * as React from "react";
import type { FileHostStrings } from "./strings";

/**
 * The page's slim header: what this is (科创评分 · 本地文件), 打开文件, the open file's name,
 * and the promise that nothing is uploaded. Also the page-wide drop zone for .xlsx files.
 * Plain elements styled by the CSS in filehost.html with Fluent's light-theme values: the bar needs
 * no FluentProvider of its own, so it costs the first view almost nothing.
 */

/** A folder outline (Fluent's FolderOpen 20 regular), inline so the page needs no icon package. */
function FolderIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
      <path d="M16 7.5V7a2 2 0 0 0-2-2H9.7L8.15 3.44A1.5 1.5 0 0 0 7.09 3H4a2 2 0 0 0-2 2v9.5c0 .83.67 1.5 1.5 1.5h11.61a1.5 1.5 0 0 0 1.45-1.12l1.38-5.25A1.5 1.5 0 0 0 16.5 7.5H16ZM4 4h3.09c.13 0 .26.05.35.15L9.15 5.85c.1.1.22.15.35.15H14a1 1 0 0 1 1 1v.5H6.34a1.5 1.5 0 0 0-1.46 1.14L3 14.5V5a1 1 0 0 1 1-1Zm1.85 4.88a.5.5 0 0 1 .49-.38H16.5a.5.5 0 0 1 .49.63l-1.39 5.25a.5.5 0 0 1-.48.37H3.6l2.25-5.87Z" />
    </svg>
  );
}

export interface BarProps {
  t: FileHostStrings;
  /** file name shown, "" for none */
  fileName: string;
  /** the built-in sample is open (the first screen), not the user's own file */
  sample: boolean;
  opening: boolean;
  onOpen(file: File): void;
  /** the user is choosing a file: a good moment to start loading the .xlsx reader */
  onWillOpen(): void;
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes("Files");
}

export function Bar({ t, fileName, sample, opening, onOpen, onWillOpen }: BarProps) {
  const input = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  React.useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
      onWillOpen();
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // without this the browser opens the file itself
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      e.preventDefault();
      onOpen(file);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [onOpen, onWillOpen]);

  return (
    <div className="fh-bar">
      <span className="fh-brand">
        {t.brand} <span className="fh-local">· {t.local}</span>
      </span>
      <button
        type="button"
        className="fh-button"
        title={t.openFileHint}
        disabled={opening}
        onClick={() => {
          onWillOpen();
          input.current?.click();
        }}
      >
        <FolderIcon />
        <span>{t.openFile}</span>
      </button>
      <input
        ref={input}
        className="fh-input"
        type="file"
        accept=".xlsx,.xlsm,.xls,.et,.ods,.fods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
        aria-label={t.openFile}
        data-testid="file-input"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ""; // choosing the same file again still opens it
          if (file) onOpen(file);
        }}
      />
      <span className="fh-file" aria-live="polite" data-testid="file-name">
        {opening ? (
          <>
            <span className="fh-spinner" aria-hidden="true" />
            <span>{t.opening}</span>
          </>
        ) : fileName ? (
          <>
            <span>{t.fileLabel}</span>
            <span className="fh-file-name">{fileName}</span>
          </>
        ) : null}
      </span>
      <p className="fh-intro" data-testid="intro">
        {sample ? t.introSample : t.introFile}
      </p>
      <span className="fh-privacy">{t.privacy}</span>
      {dragging ? (
        <div className="fh-overlay" aria-hidden="true">
          {t.dropHere}
        </div>
      ) : null}
    </div>
  );
}
