import * as React from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { FolderOpen20Regular } from "@fluentui/react-icons";
import type { FileHostStrings } from "./strings";

/**
 * The page's slim header: what this is (科创评分 · 本地文件), 打开文件, the open file's name,
 * and the promise that nothing is uploaded. Also the page-wide drop zone for .xlsx files.
 */

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, flexGrow: 1 },
  local: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  file: { flexBasis: "100%", minWidth: 0, overflowWrap: "anywhere", display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  fileName: { fontWeight: tokens.fontWeightSemibold },
  privacy: { flexBasis: "100%", color: tokens.colorNeutralForeground3 },
  input: { display: "none" },
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: "rgba(255, 255, 255, 0.9)",
    border: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`,
    color: tokens.colorBrandForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
    pointerEvents: "none",
  },
});

export interface BarProps {
  t: FileHostStrings;
  /** file name shown, "" for none */
  fileName: string;
  opening: boolean;
  onOpen(file: File): void;
  /** the user is choosing a file: a good moment to start loading the .xlsx reader */
  onWillOpen(): void;
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes("Files");
}

export function Bar({ t, fileName, opening, onOpen, onWillOpen }: BarProps) {
  const s = useStyles();
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
    <div className={s.bar}>
      <span className={s.brand}>
        {t.brand} <span className={s.local}>· {t.local}</span>
      </span>
      <Button
        size="small"
        icon={<FolderOpen20Regular />}
        title={t.openFileHint}
        disabled={opening}
        onClick={() => {
          onWillOpen();
          input.current?.click();
        }}
      >
        {t.openFile}
      </Button>
      <input
        ref={input}
        className={s.input}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.openFile}
        data-testid="file-input"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ""; // choosing the same file again still opens it
          if (file) onOpen(file);
        }}
      />
      <span className={s.file} aria-live="polite" data-testid="file-name">
        {opening ? (
          <Spinner size="extra-tiny" label={t.opening} />
        ) : fileName ? (
          <>
            <span>{t.fileLabel}</span>
            <span className={s.fileName}>{fileName}</span>
          </>
        ) : null}
      </span>
      <span className={s.privacy}>{t.privacy}</span>
      {dragging ? (
        <div className={s.overlay} aria-hidden="true">
          {t.dropHere}
        </div>
      ) : null}
    </div>
  );
}
