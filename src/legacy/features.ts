/**
 * What a legacy file holds that the .xlsx copy (values, number formats, merges, column widths)
 * cannot carry: counted while reading, listed in Chinese only when really present.
 */
export class NotCarried {
  private readonly counts = new Map<string, number>();
  private readonly flags = new Set<string>();

  count(what: keyof typeof COUNTED, n = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }

  flag(what: string): void {
    this.flags.add(what);
  }

  list(): string[] {
    const out: string[] = [];
    for (const [key, label] of Object.entries(COUNTED)) {
      const n = this.counts.get(key);
      if (n) out.push(label(n));
    }
    for (const f of FLAG_ORDER) if (this.flags.has(f)) out.push(f);
    for (const f of this.flags) if (!FLAG_ORDER.includes(f)) out.push(f);
    return out;
  }
}

const COUNTED = {
  formula: (n: number) => `公式 ${n} 个（已保留计算结果）`,
  chart: (n: number) => `图表 ${n} 个`,
  chartSheet: (n: number) => `图表工作表 ${n} 张`,
  comment: (n: number) => `批注 ${n} 条`,
  picture: (n: number) => `图片 ${n} 张`,
  textBox: (n: number) => `文本框 ${n} 个`,
  shape: (n: number) => `图形 ${n} 个`,
  control: (n: number) => `窗体控件 ${n} 个`,
  hyperlink: (n: number) => `超链接 ${n} 个（保留了显示文字）`,
  validation: (n: number) => `数据有效性 ${n} 条`,
  conditional: (n: number) => `条件格式 ${n} 条`,
  name: (n: number) => `定义的名称 ${n} 个`,
  macroSheet: (n: number) => `宏表 ${n} 张`,
};

export const FLAGS = {
  style: "单元格格式（字体、填充、边框、对齐）",
  styleDetail: "部分单元格格式（斜线边框、文字方向、缩进）",
  hiddenRows: "隐藏的行",
  hiddenCols: "隐藏的列",
  hiddenSheets: "隐藏的工作表（转换后为可见）",
  frozen: "冻结窗格",
  protection: "工作表或工作簿保护",
  headerFooter: "页眉页脚",
  printArea: "打印区域与打印标题",
  autoFilter: "自动筛选",
  vba: "宏（VBA 项目）",
  embedded: "嵌入的对象（OLE）",
  pivot: "数据透视表",
  revisions: "修订记录（共享工作簿）",
  richText: "单元格内的多种字体（富文本）",
};

const FLAG_ORDER: string[] = Object.values(FLAGS);
