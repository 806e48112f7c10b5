"""
Reads workbooks with openpyxl (an independent reader, not the writer under test) and prints one
JSON object: file path → what a person would see in it, sheet by sheet and cell by cell.
Used by test/helpers/openpyxl.ts; one process for many files (python start-up is slow).

    /usr/bin/python3 openpyxl-dump.py FILE...
"""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")


def color(c):
    if c is None:
        return None
    t = getattr(c, "type", None)
    if t == "rgb":
        return "rgb:" + str(c.rgb).upper()
    if t == "theme":
        return "theme:%s:%s" % (c.theme, c.tint)
    if t == "indexed":
        return "indexed:%s" % c.indexed
    return None


def cell_dump(c):
    d = {}
    v = c.value
    if v is not None:
        if isinstance(v, str) and v.startswith("=") and c.data_type == "f":
            d["f"] = v
        elif hasattr(v, "isoformat"):
            d["v"] = v.isoformat()
        else:
            d["v"] = v
    if c.number_format and c.number_format != "General":
        d["numFmt"] = c.number_format
    f = c.font
    if f is not None:
        font = {"name": f.name, "size": float(f.sz) if f.sz is not None else None, "b": bool(f.b), "i": bool(f.i),
                "u": f.u, "strike": bool(f.strike), "color": color(f.color)}
        d["font"] = font
    fill = c.fill
    if fill is not None and getattr(fill, "fill_type", None):
        d["fill"] = {"type": fill.fill_type, "fg": color(fill.fgColor), "bg": color(fill.bgColor)}
    b = c.border
    if b is not None:
        sides = {k: getattr(b, k).style for k in ("left", "right", "top", "bottom") if getattr(b, k) is not None and getattr(b, k).style}
        if sides:
            d["border"] = sides
    a = c.alignment
    if a is not None:
        al = {k: getattr(a, k) for k in ("horizontal", "vertical", "wrap_text", "indent", "text_rotation") if getattr(a, k)}
        if al:
            d["alignment"] = al
    if c.protection is not None and (not c.protection.locked or c.protection.hidden):
        d["protection"] = {"locked": c.protection.locked, "hidden": c.protection.hidden}
    if c.comment is not None:
        d["note"] = {"text": c.comment.text, "author": c.comment.author}
    if c.hyperlink is not None:
        d["link"] = {"target": c.hyperlink.target, "location": c.hyperlink.location}
    return d


def sheet_dump(ws):
    out = {"type": "worksheet", "state": ws.sheet_state}
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            d = cell_dump(c)
            if "v" in d or "f" in d or "note" in d or "fill" in d or "link" in d or "numFmt" in d or "border" in d:
                cells[c.coordinate] = d
    out["cells"] = cells
    out["merges"] = sorted(str(r) for r in ws.merged_cells.ranges)
    out["validations"] = sorted("%s %s %s %s" % (dv.sqref, dv.type, dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation)
    out["conditionalFormats"] = sum(len(r.rules) for r in ws.conditional_formatting)
    out["images"] = len(getattr(ws, "_images", []))
    out["charts"] = len(getattr(ws, "_charts", []))
    out["tables"] = sorted(ws.tables.keys()) if hasattr(ws, "tables") else []
    out["hiddenRows"] = sorted(r for r, d in ws.row_dimensions.items() if d.hidden)
    out["hiddenColumns"] = sorted(k for k, d in ws.column_dimensions.items() if d.hidden)
    out["columnWidths"] = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
    out["rowHeights"] = {str(r): d.ht for r, d in ws.row_dimensions.items() if d.ht is not None}
    out["protected"] = bool(ws.protection.sheet)
    out["freeze"] = ws.freeze_panes
    out["printArea"] = ws.print_area
    out["printTitles"] = ws.print_title_rows
    hf = ws.oddHeader
    out["header"] = [hf.left.text, hf.center.text, hf.right.text]
    ff = ws.oddFooter
    out["footer"] = [ff.left.text, ff.center.text, ff.right.text]
    out["orientation"] = ws.page_setup.orientation
    return out


# ISO/IEC 29500 Strict → Transitional namespaces and relationship types (the Strict schemas' target
# namespaces, ISO/IEC 29500-1; the same table as test/fixtures/corpus/derive_forms.py). openpyxl
# reads Transitional only, so a Strict package is read through this mapping, applied to input and
# output alike: the comparison is still of what each file holds.
STRICT = [
    ("http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    ("http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    ("http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"),
    ("http://purl.oclc.org/ooxml/officeDocument/relationships", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ("http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    ("http://purl.oclc.org/ooxml/officeDocument/customProperties", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    ("http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    ("http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"),
    ("http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
    ("http://purl.oclc.org/ooxml/drawingml/chart", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
]


def readable(path):
    """The file itself, or for a Strict package an in-memory Transitional copy of it."""
    import io
    import zipfile

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if not any(b"purl.oclc.org/ooxml/spreadsheetml/main" in z.read(n) for n in names if n.endswith(".xml")):
            return path
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for n in names:
                data = z.read(n)
                if n.endswith((".xml", ".rels", ".vml")):
                    text = data.decode("utf-8")
                    for strict, transitional in STRICT:
                        text = text.replace(strict, transitional)
                    data = text.encode("utf-8")
                out.writestr(n, data)
    buf.seek(0)
    return buf


def book_dump(path):
    wb = openpyxl.load_workbook(readable(path), keep_vba=path.lower().endswith(".xlsm"), keep_links=True)
    out = {"sheets": [], "definedNames": {}, "properties": {}}
    for ws in wb.worksheets:
        d = sheet_dump(ws)
        d["name"] = ws.title
        out["sheets"].append(d)
    for cs in wb.chartsheets:
        out["sheets"].append({"name": cs.title, "type": "chartsheet", "state": cs.sheet_state, "charts": len(getattr(cs, "_charts", []))})
    for dn in wb.defined_names.definedName:
        out["definedNames"]["%s@%s" % (dn.name, dn.localSheetId)] = dn.attr_text
    p = wb.properties
    for k in ("title", "subject", "creator", "keywords", "description", "category"):
        out["properties"][k] = getattr(p, k)
    return out


def main():
    result = {}
    for path in sys.argv[1:]:
        try:
            result[path] = book_dump(path)
        except Exception as e:  # reported per file, so one bad output does not hide the others
            result[path] = {"error": "%s: %s" % (type(e).__name__, e)}
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
