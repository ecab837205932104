"""Read a delimited text export into rows, whatever its encoding and delimiter.

Exports come as UTF-8 (with or without BOM), UTF-16 (Matomo's default) or Windows-1252, separated by commas,
semicolons (Dutch Excel) or tabs.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from pathlib import Path

from helder.errors import HelderError


def decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise HelderError(f"{name}: the UTF-16 text is cut off or damaged; export the file again.") from None
    if b"\x00" in data[:4096]:
        raise HelderError(f"{name}: this is not a text export (it contains binary data); export it as CSV.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_rows(data: bytes, name: str) -> list[list[str]]:
    return split_rows(decode(data, name), name)


def split_rows(text: str, name: str) -> list[list[str]]:
    """Decoded text into non-blank rows, the delimiter sniffed from the first line."""
    if not text.strip():
        raise HelderError(f"{name}: the file is empty; export it again with data in it.")
    first_line = text.lstrip().splitlines()[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    try:
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise HelderError(f"{name}: not a readable CSV file ({exc}).") from None
    return rows


def read_file_rows(path: Path) -> list[list[str]]:
    return read_rows(path.read_bytes(), str(path))


def is_xlsx(path: Path) -> bool:
    """An Excel workbook (a ZIP holding xl/workbook.xml), whatever its name says."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
