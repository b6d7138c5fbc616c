"""Reads every entry of a Vitrine disk cache back and checks it completely.

The entry format is Sources/PreviewServer/Cache/DiskCache+Format.swift:
"VTRNFRM1", key (32 bytes), SHA-256 of (content type + payload) (32), payload length (u64 LE),
content type length (u16 LE), content type, payload. A torn or mixed file fails at least one
of: the size, the key (must equal the file name), the checksum, or the payload's own PNG/JPEG
structure (every PNG chunk CRC, the image data inflating to exactly height x (1 + width x channels)).
"""

import hashlib
import pathlib
import shutil
import struct
import zlib

MAGIC = b"VTRNFRM1"
HEADER = 8 + 32 + 32 + 8 + 2


def check_png(data):
    """None when `data` is a complete 8-bit PNG (not interlaced), else why not."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "no PNG signature"
    offset, idat, width, height, channels, seen_end = 8, b"", 0, 0, 0, False
    while offset + 12 <= len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + length]
        if len(body) != length or offset + 12 + length > len(data):
            return f"chunk {kind!r} cut short"
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        if zlib.crc32(kind + body) != crc:
            return f"chunk {kind!r} CRC mismatch"
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body[:13])
            channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour, 0)
            if depth != 8 or channels == 0 or interlace != 0:
                return f"unexpected PNG (depth {depth}, colour type {colour}, interlace {interlace})"
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            seen_end = True
        offset += 12 + length
    if not seen_end or offset != len(data):
        return "no IEND at the end"
    try:
        raw = zlib.decompress(idat)
    except zlib.error as error:
        return f"image data does not inflate: {error}"
    if len(raw) != height * (1 + width * channels):
        return f"image data is {len(raw)} bytes, expected {height * (1 + width * channels)}"
    return None


def check_jpeg(data):
    return None if data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9") else "JPEG without SOI/EOI"


def read_entry(path):
    """(content type, payload) of one entry file, or raises ValueError saying why it is bad."""
    data = path.read_bytes()
    if len(data) < HEADER:
        raise ValueError("shorter than the header")
    if data[:8] != MAGIC:
        raise ValueError("bad magic")
    if data[8:40].hex() != path.stem:
        raise ValueError("key in the header is not the file's key")
    (payload_length,) = struct.unpack("<Q", data[72:80])
    (type_length,) = struct.unpack("<H", data[80:82])
    payload_start = HEADER + type_length
    if len(data) != payload_start + payload_length:
        raise ValueError(f"size {len(data)} != header {payload_start} + payload {payload_length}")
    content_type, payload = data[HEADER:payload_start], data[payload_start:]
    if hashlib.sha256(content_type + payload).digest() != data[40:72]:
        raise ValueError("checksum mismatch")
    content_type = content_type.decode()
    problem = check_png(payload) if content_type == "image/png" else check_jpeg(payload)
    if problem:
        raise ValueError(problem)
    return content_type, payload


def check_directory(directory, expected_bodies=None):
    """Every entry under `directory`: {entries, bad: [(file, why)], leftover_temporary_files,
    compared, mismatched}. `expected_bodies` maps a key (ETag without quotes) to the SHA-256 of
    the body a client received for it; each entry's payload must equal it."""
    directory = pathlib.Path(directory)
    entries, bad, compared, mismatched = 0, [], 0, []
    for path in sorted(directory.glob("??/*.vfc")):
        entries += 1
        try:
            _, payload = read_entry(path)
        except ValueError as error:
            bad.append((str(path.relative_to(directory)), str(error)))
            continue
        if expected_bodies and path.stem in expected_bodies:
            compared += 1
            if hashlib.sha256(payload).hexdigest() != expected_bodies[path.stem]:
                mismatched.append(path.stem)
    leftovers = [p.name for p in (directory / "tmp").glob("*")] if (directory / "tmp").exists() else []
    return {"entries": entries, "bad": bad, "leftover_temporary_files": len(leftovers),
            "compared_with_client_bodies": compared, "mismatched": mismatched}


def self_test(directory, scratch):
    """Shows the checker catches damage: copies of one entry truncated, with one payload byte
    flipped, and with another entry's content under its name. Returns {damage: why rejected}."""
    entries = sorted(pathlib.Path(directory).glob("??/*.vfc"))
    if len(entries) < 2:
        return {}
    scratch = pathlib.Path(scratch)
    original, other = entries[0].read_bytes(), entries[1].read_bytes()
    damaged = {"truncated": original[: len(original) // 2], "flipped": original[:-9] + bytes([original[-9] ^ 1]) + original[-8:],
               "mixed": other}
    results = {}
    for name, data in damaged.items():
        path = scratch / name / entries[0].parent.name / entries[0].name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        try:
            read_entry(path)
            results[name] = "NOT DETECTED"
        except ValueError as error:
            results[name] = str(error)
    shutil.rmtree(scratch, ignore_errors=True)
    return results
