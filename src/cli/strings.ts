/**
 * Every line the command line prints, in one table. Messages are Chinese (the users'
 * language); --help is English with Chinese command descriptions, for both audiences.
 */
export const S = {
  // usage errors
  missingCommand: "缺少命令：请用 template、check 或 recalc（kjscore --help 查看用法）",
  unknownCommand: (c: string) => `未知命令：${c}（可用命令：template、check、recalc；kjscore --help 查看用法）`,
  unknownOption: (o: string) => `未知选项：${o}（kjscore --help 查看用法）`,
  missingValue: (o: string) => `选项 ${o} 缺少参数：请在后面写上文件名`,
  noValueExpected: (o: string) => `选项 ${o} 不带参数`,
  optionNotFor: (o: string, c: string) => `命令 ${c} 不接受选项 ${o}（kjscore --help 查看用法）`,
  recalcNeedsFile: "recalc 缺少要重算的文件：kjscore recalc 文件.xlsx -o 输出.xlsx",
  recalcOneFile: "recalc 一次只处理一个文件：kjscore recalc 文件.xlsx -o 输出.xlsx",
  recalcNeedsOutput: "recalc 缺少 -o 输出文件：kjscore recalc 文件.xlsx -o 输出.xlsx（不会改动原文件）",
  convertValuesNeedsPortable:
    "--convert-values 只能与 --portable 一起用：kjscore recalc 文件.xlsx -o 输出.xlsx --portable --convert-values",
  templateExtra: (a: string) => `template 不接受文件参数：${a}（用 -o 指定输出文件）`,
  refuseOverwriteInput: (f: string) => `拒绝覆盖原文件：${f}（-o 请指定另一个文件名）`,
  outputExists: (f: string) => `输出文件已存在：${f}（换一个文件名，或加 --force 覆盖）`,

  // file errors
  notFound: (f: string) => `找不到文件或文件夹：${f}`,
  notFoundHere: "找不到这个文件或文件夹",
  noPermission: (f: string) => `没有权限读取：${f}`,
  cannotRead: (f: string, why: string) => `无法读取 ${f}：${why}`,
  cannotWrite: (f: string, why: string) => `无法写入 ${f}：${why}`,
  emptyFolder: (f: string) => `文件夹里没有 .xlsx 文件：${f}`,
  noTable: (lookedFor: string[]) => `找不到分工表：没有哪张工作表有这些表头：${lookedFor.join("、")}`,
  internal: (why: string) => `内部错误：${why}（请把这个文件和这一行报告给开发者）`,
  failedLine: (file: string, message: string) => `错误：${file}：${message}`,

  // output
  sampleName: "(内置示例)",
  wroteTemplate: (f: string) => `已生成分工表模板：${f}`,
  wroteRecalc: (f: string, written: number, highlighted: number) =>
    `已写入 ${f}：改写 ${written} 个得分单元格，标注 ${highlighted} 个单元格（原文件未改动）`,
  noChanges: "没有需要改写的得分单元格。",
  changesHeading: "改写：",
  fileLine: (file: string, sheet: string) => `文件：${file}　工作表：${sheet}`,
  legend: "标记：✓ 与规则一致　✗ 与规则不符　≈ 在计数允许的范围内　✎ 人工评分　— 无数据　! 无法计算",
  noIndicators: (at: string) => `在 ${at} 找到分工表的表头，但下面没有指标行：请在表头下逐行填写二级指标和评分标准`,
  headRow: "行",
  headName: "指标",
  headMax: "满分",
  kindLabel: { actual: "", forecast: "预测", target: "目标" } as Record<string, string>,
  flagsHeading: "提示：",
  noFlags: "提示：无",
  totalRow: "合计得分",
  subtotalHeading: "小计：",
  grade: (g: string) => `${g}级`,
  required: (v: string) => `目标所需值 ${v}`,
  portableHeading: "分享版（得分改为普通公式，无需加载项）：",
  portableConverted: "以下文字数值改为数字（数字格式原样显示文字，读者看到的内容不变）：",
  portableKept: "保留为数值：",
  portableOfferFlag: "如需转换，请加 --convert-values 重新运行。",
  summary: (files: number, failed: number) => `共 ${files} 个文件，${failed} 个无法分析`,
} as const;

export const HELP = `kjscore — KJScore 科创评分: score a county's 科技创新能力监测评价 分工表 from the rules written in it.

Usage:
  kjscore template [-o FILE] [--force]
      生成分工表模板（霸州市示例表）。Write the built-in 分工表 as an .xlsx
      (default ./分工表模板.xlsx; an existing file is kept unless --force).
  kjscore check [FILE|FOLDER ...] [--json]
      检查评分，不写任何文件。Score workbooks without writing: a table per file,
      or JSON with --json (one object for one file, an array for several files
      or a folder). A FOLDER means every .xlsx directly inside it (not subfolders;
      Excel's ~$ lock files skipped). No FILE: the built-in sample.
  kjscore recalc FILE -o OUT [--force] [--portable [--convert-values]]
      重算得分并标注，另存为副本。Write a copy of FILE with every computable 得分 cell
      and the 合计得分 row recalculated and the flagged cells highlighted with a note.
      FILE itself is never changed.
      --portable: 分享版 — banded scores become plain Excel formulas (IF/ROUND/MIN),
      totals SUM formulas, =KJSCORE(...) cells plain formulas, so recipients without
      the add-in (Excel, WPS, LibreOffice) see and recalculate the right scores.
      --convert-values: also turn text values with a unit ("2489万元") into numbers
      whose number format shows the same text, so their scores can be formulas too.

Options:
  -o, --output FILE   output file (template, recalc)
  --json              JSON report (check)
  --force             overwrite an existing output file (never the input)
  --portable          recalc: write the 分享版 (scores as plain formulas)
  --convert-values    recalc --portable: text values with units become numbers
  -h, --help          this help
  -V, --version       version

Exit status: 0 when every workbook was analysed (whatever it found); 2 when one could
not be (not an .xlsx, damaged, no 分工表 found) or the command line is wrong.
`;
