"""Reads a spreadsheet with a real reader (openpyxl for XLSX, odfpy for ODS)
and prints its sheets in order as JSON: [[sheet name, [[cell, ...], ...]], ...],
numbers as numbers. Used by the report export tests."""
import json
import sys


def xlsx(path):
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    return [
        [ws.title, [[c for c in row] for row in ws.iter_rows(values_only=True)]]
        for ws in book.worksheets
    ]


def ods(path):
    from odf.opendocument import load
    from odf.table import Table, TableRow, TableCell
    from odf.namespaces import OFFICENS, TABLENS

    doc = load(path)
    out = []
    for table in doc.spreadsheet.getElementsByType(Table):
        rows = []
        for row in table.getElementsByType(TableRow):
            repeat_rows = int(row.attributes.get((TABLENS, "number-rows-repeated"), 1))
            cells = []
            for cell in row.getElementsByType(TableCell):
                repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1))
                kind = cell.attributes.get((OFFICENS, "value-type"))
                if kind == "float":
                    value = float(cell.attributes.get((OFFICENS, "value")))
                elif kind is None:
                    value = None
                else:
                    value = "".join(str(n) for n in cell.childNodes)
                cells.extend([value] * min(repeat, 50))
            while cells and cells[-1] is None:
                cells.pop()
            rows.extend([cells] * min(repeat_rows, 50))
        while rows and not rows[-1]:
            rows.pop()
        out.append([table.getAttribute("name"), rows])
    return out


path = sys.argv[1]
sheets = xlsx(path) if path.endswith(".xlsx") else ods(path)
json.dump(sheets, sys.stdout, default=str)
