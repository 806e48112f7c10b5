/**
 * Every line the command line prints, in one table. Messages are Chinese (the users'
 * language); --help is English with Chinese command descriptions, for both audiences.
 */
export const S = {
  // usage errors
  missingCommand: "缺少命令：请用 template、check、recalc 或 report（kjscore --help 查看用法）",
  unknownCommand: (c: string) => `未知命令：${c}（可用命令：template、check、recalc、report；kjscore --help 查看用法）`,
  unknownOption: (o: string) => `未知选项：${o}（kjscore --help 查看用法）`,
  missingValue: (o: string) => `选项 ${o} 缺少参数：请在后面写上文件名`,
  noValueExpected: (o: string) => `选项 ${o} 不带参数`,
  optionNotFor: (o: string, c: string) => `命令 ${c} 不接受选项 ${o}（kjscore --help 查看用法）`,
  recalcNeedsFile: "recalc 缺少要重算的文件：kjscore recalc 文件.xlsx -o 输出.xlsx",
  recalcOneFile: "recalc 一次只处理一个文件：kjscore recalc 文件.xlsx -o 输出.xlsx",
  recalcNeedsOutput: "recalc 缺少 -o 输出文件：kjscore recalc 文件.xlsx -o 输出.xlsx（不会改动原文件）",
  convertValuesNeedsPortable:
    "--convert-values 只能与 --portable 一起用：kjscore recalc 文件.xlsx -o 输出.xlsx --portable --convert-values",
  missingSheet: "选项 --sheet 缺少参数：请写上工作表名，如 --sheet 分工表，或加行号 --sheet 分工表!A30",
  badTable: (v: string) => `选项 --table 的参数应为正整数（第几张分工表，如 --table 2），而不是“${v}”`,
  sheetOrTable: "--sheet 与 --table 只能用一个",
  templateExtra: (a: string) => `template 不接受文件参数：${a}（用 -o 指定输出文件）`,
  refuseOverwriteInput: (f: string) => `拒绝覆盖原文件：${f}（-o 请指定另一个文件名）`,
  macrosNeedXlsm: "原文件含宏（VBA 工程），输出文件请用 .xlsm 扩展名：写成 .xlsx 会丢掉宏，Excel 也不会打开它；未写入任何文件",
  xlsmNeedsMacros: (f: string) =>
    `输出文件 ${f} 用了启用宏的 .xlsm 扩展名，但原文件不含宏：请用 .xlsx（Excel 不会打开扩展名与内容不符的文件）`,
  legacyNeedsXlsx: (f: string) => `旧版文件（.xls / .et / .ods）重算后写成 .xlsx 副本：输出文件 ${f} 请用 .xlsx 扩展名`,
  legacyCopy: (f: string, lost: string[]) =>
    `注意：原文件是旧版格式，${f} 是新的 .xlsx 副本（不是原格式）；` +
    (lost.length ? `以下内容未能保留：${lost.join("、")}（详见副本中的“转换说明”工作表）` : "原文件的内容都已保留"),
  outputExists: (f: string) => `输出文件已存在：${f}（换一个文件名，或加 --force 覆盖）`,

  // file errors
  notFound: (f: string) => `找不到文件或文件夹：${f}`,
  notFoundHere: "找不到这个文件或文件夹",
  noPermission: (f: string) => `没有权限读取：${f}`,
  cannotRead: (f: string, why: string) => `无法读取 ${f}：${why}`,
  cannotWrite: (f: string, why: string) => `无法写入 ${f}：${why}`,
  emptyFolder: (f: string) => `文件夹里没有工作簿（.xlsx、.xlsm、.xls、.et、.ods）：${f}`,
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
  valueNotesHeading: "数值说明（约数、预计数按所写数值计分；“暂无”等视为尚无数值）：",
  noFlags: "提示：无",
  totalRow: "合计得分",
  subtotalHeading: "小计：",
  grade: (g: string) => `${g}级`,
  required: (v: string) => `目标所需值 ${v}`,
  portableHeading: "分享版（得分改为普通公式，无需加载项）：",
  portableConverted: "以下文字数值改为数字（数字格式原样显示文字，读者看到的内容不变）：",
  portableKept: "保留为数值：",
  portableOfferFlag: "如需转换，请加 --convert-values 重新运行。",
  tablesNotice: (notice: string) => `注意：${notice}。用 --sheet 工作表名（或 --sheet 工作表名!A行号）或 --table N 选择其他分工表`,
  summary: (files: number, failed: number) => `共 ${files} 个文件，${failed} 个无法分析`,

  // 升级分析 and 按责任单位 (check), the report command
  upgradeHeading: (col: string, total: string, grade: string, next: string | null, gap: string, today: string | null) =>
    `升级分析（${col}年：${total}分，${grade}级${next ? `，距${next}级差 ${gap} 分` : "，已是最高等级"}${today ? `；与${today}年现值比较` : ""}）：`,
  upgradeScore: "得分/满分",
  upgradeHeadroom: "可增",
  upgradeNext: "下一整分所需",
  upgradeFullNeeds: "满分所需",
  upgradeFromToday: (today: string | null) => (today ? `较${today}年` : "较现值"),
  upgradeFull: "已满分",
  upgradeManual: "评估打分，无数值",
  upgradeNoValue: "评分标准算不出所需数值",
  addItems: (item: string, count: number) => `${item} ×${count}`,
  suggestionHeading: "  建议组合（各项相对增幅之和最小）：",
  suggestionHeadingGreedy: "  建议组合（指标太多，按每分所需增幅从小到大依次选取，未必是增幅之和最小的组合）：",
  suggestionShort: "  即使各项都达到满分也到不了上一级；能做到的最多是：",
  suggestionTotal: (col: string, total: string, grade: string) => `  按建议，${col}年合计 ${total} 分（${grade}级，由评分标准重新计算）`,
  deptHeading: "按责任单位：",
  deptUnnamed: "（未填写责任单位）",
  deptCount: (n: number, flags: number) => `${n} 项指标${flags ? `，提示 ${flags} 条` : ""}`,
  deptSuggested: (action: string, score: string) => `建议：${action}（得 ${score} 分）`,
  deptFlags: (n: number) => `提示 ${n} 条`,
  roleLead: "（牵头）",
  roleSupport: "（配合）",
  reportNeedsInput: "report 缺少分工表文件或文件夹：kjscore report 文件.xlsx -o 报告.xlsx，或 kjscore report 文件夹 -o 汇总.xlsx",
  reportOneInput: "report 一次只处理一个文件或一个文件夹：kjscore report 文件.xlsx -o 报告.xlsx",
  reportNeedsOutput: "report 缺少 -o 输出文件：kjscore report 文件.xlsx -o 报告.xlsx（报告另存为新文件，不写入原文件）",
  wroteReport: (f: string) => `已生成得分分析报告：${f}（原文件未改动）`,
  wroteCityReport: (f: string, n: number, failed: number) =>
    `已生成汇总：${f}（${n} 个县的分工表${failed ? `，${failed} 个文件无法分析，见“无法分析”工作表` : ""}）`,
} as const;

export const HELP = `kjscore — KJScore 科创评分: score a county's 科技创新能力监测评价 分工表 from the rules written in it.

Usage:
  kjscore template [-o FILE] [--force]
      生成分工表模板（霸州市示例表）。Write the built-in 分工表 as an .xlsx
      (default ./分工表模板.xlsx; an existing file is kept unless --force).
  kjscore check [FILE|FOLDER ...] [--json] [--sheet NAME[!A30] | --table N]
      检查评分，不写任何文件。Score workbooks without writing: a table per file,
      or JSON with --json (one object for one file, an array for several files
      or a folder). A FOLDER means every workbook (.xlsx/.xlsm/.xls/.et/.ods) directly inside it (not subfolders;
      Excel's ~$ lock files skipped). No FILE: the built-in sample.
  kjscore recalc FILE -o OUT [--force] [--portable [--convert-values]] [--sheet NAME[!A30] | --table N]
      重算得分并标注，另存为副本。Write a copy of FILE with every computable 得分 cell
      and the 合计得分 row recalculated and the flagged cells highlighted with a note.
      FILE itself is never changed; every part of it the plan does not touch (charts,
      images, notes, VBA …) is copied as it was. A workbook with macros (.xlsm) needs
      -o ….xlsm. OUT is written whole or not at all; an existing OUT is kept unless --force.
      --portable: 分享版 — banded scores become plain Excel formulas (IF/ROUND/MIN),
      totals SUM formulas, =KJSCORE(...) cells plain formulas, so recipients without
      the add-in (Excel, WPS, LibreOffice) see and recalculate the right scores.
      --convert-values: also turn text values with a unit ("2489万元") into numbers
      whose number format shows the same text, so their scores can be formulas too.
  kjscore report FILE -o OUT.xlsx [--force]
      生成得分分析报告（新工作簿）。Write the score analysis report of FILE as a new
      workbook: each year's total and grade, subtotals, the corrections, the path to
      the next grade (升级分析) and the tasks by department (按责任单位).
  kjscore report FOLDER -o OUT.xlsx [--force]
      生成全市汇总。A city's summary of every .xlsx in FOLDER: totals and grades per
      year, ranked; each indicator's score per county with conditional colours; the
      counts of flags. Files that cannot be read are listed (exit status 2).

Options:
  -o, --output FILE   output file (template, recalc, report)
  --json              JSON report (check)
  --force             overwrite an existing output file (never the input)
  --portable          recalc: write the 分享版 (scores as plain formulas)
  --convert-values    recalc --portable: text values with units become numbers
  --sheet NAME        check, recalc: score the 分工表 on sheet NAME; NAME!A30 (or NAME!30):
                      the table on that sheet whose rows include row 30 (or the first below it)
  --table N           check, recalc: score the N-th 分工表 found (the JSON report's tables[])
  -h, --help          this help
  -V, --version       version

A workbook with several 分工表 (a second sheet, or a second table below the first) is
scored on the first one (a sheet named like 分工表 first); the output says which one, and
lists the others.

Exit status: 0 when every workbook was analysed (whatever it found); 2 when one could
not be (not an .xlsx, damaged, no 分工表 found) or the command line is wrong.
`;
