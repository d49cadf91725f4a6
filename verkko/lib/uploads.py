"""What an uploaded file is, read from its content rather than its name.

A name is what the uploader chose; the first bytes and, for Office files, the archive's parts say
what the file is. Attachments of meetings and agreements (verkko/ecosystem/forms.py) use this.
"""

import zipfile

# An Office Open XML file (docx, xlsx, pptx) is a zip archive with this part and a folder of its kind.
_OOXML_FOLDERS = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
# An OpenDocument file is a zip archive whose first part, "mimetype", names its kind.
_ODF_TYPES = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
    ".odp": b"application/vnd.oasis.opendocument.presentation",
}
_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
_TEXT = {".txt", ".csv"}
# How much of a text file is read to tell that it is text.
_TEXT_SAMPLE = 64 * 1024


def content_matches(extension, upload):
    """True when the file's content is what its extension says. Leaves the file at its start."""
    upload.seek(0)
    try:
        if extension in _SIGNATURES:
            return upload.read(16).startswith(_SIGNATURES[extension])
        if extension in _OOXML_FOLDERS or extension in _ODF_TYPES:
            return _office_matches(extension, upload)
        if extension in _TEXT:
            return _is_text(upload.read(_TEXT_SAMPLE))
        return False
    finally:
        upload.seek(0)


def _office_matches(extension, upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if extension in _ODF_TYPES:
                return bool(names) and names[0] == "mimetype" and archive.read("mimetype") == _ODF_TYPES[extension]
            return "[Content_Types].xml" in names and any(name.startswith(_OOXML_FOLDERS[extension]) for name in names)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


def _is_text(sample):
    """UTF-8 text, or Windows-1252 text as spreadsheet programs on Windows save it; no control bytes."""
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3 and len(sample) >= _TEXT_SAMPLE:
            text = sample[: error.start].decode("utf-8")  # the sample ends inside a character
        else:
            try:
                text = sample.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return not any(ord(character) < 32 and character not in "\t\n\r\f" for character in text)
