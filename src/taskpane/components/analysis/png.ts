/**
 * 图表存为 PNG (lazy, page only): an on-screen SVG chart drawn onto a canvas and downloaded.
 * The charts colour themselves with the theme's CSS variables, which a standalone SVG image does
 * not have: each shape's computed fill is written onto the copy first.
 */
export async function saveSvgAsPng(svg: SVGSVGElement, fileName: string, scale = 3): Promise<void> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = svg.querySelectorAll<SVGElement>("*");
  const to = copy.querySelectorAll<SVGElement>("*");
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const target = to[i];
    if (!target) return;
    if (cs.fill)
      target.style.fill = cs.fill.startsWith("url(") ? cs.fill.replace(/url\(["']?[^#]*#/, "url(#").replace(/["']?\)$/, ")") : cs.fill;
    if (el.tagName === "text") {
      target.style.fontFamily = cs.fontFamily;
      target.style.fontSize = cs.fontSize;
    }
  });
  const vb = svg.viewBox.baseVal;
  const width = Math.round((vb?.width || svg.clientWidth || 300) * scale);
  const height = Math.round((vb?.height || svg.clientHeight || 150) * scale);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const xml = new XMLSerializer().serializeToString(copy);
  // a data: URL, not a blob: one, so the page's Content-Security-Policy (img-src data:) allows it
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("浏览器不支持画布（canvas），无法生成图片");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  const a = document.createElement("a");
  a.href = canvas.toDataURL("image/png");
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
