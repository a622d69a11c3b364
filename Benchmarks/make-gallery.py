#!/usr/bin/env python3
"""Writes a synthetic pixterm gallery for benchmarks: N tiny PNGs with sidecars, laid out as
pixterm saves them (YYYY/MM/DD/HHMMSS-slug-id-index.png plus .png.json), spread over a year.

    Benchmarks/make-gallery.py /tmp/bench-gallery 100000

Prompts come from a fixed word list with a fixed seed, so every run makes the same gallery.
The index is not written: `pixterm gallery rebuild` (or the first open) makes it.
"""
import datetime
import json
import os
import random
import struct
import sys
import zlib

WORDS = (
    "fox lighthouse dusk snow forest castle dragon ocean sunset portrait city neon rain cat dog "
    "mountain river garden robot astronaut galaxy desert train bridge harbor market festival "
    "winter summer autumn spring watercolor oil sketch photo cinematic misty golden quiet storm "
    "lantern temple village island meadow owl whale tiger horse cyberpunk baroque minimal"
).split()
CJK = ["雪の中の赤い狐", "山の上の城", "夜の東京", "红色的灯笼", "海边的灯塔"]
MODELS = ["gpt-image-2", "gpt-image-2", "gpt-image-1.5"]
SIZES = ["1024x1024", "1536x1024", "1024x1536", "2048x2048"]
QUALITIES = ["low", "medium", "high"]
# Credits per image by quality, doubled for the largest size, so cost filters and sorting have
# spread to work on (the sequence of random choices, and so the rest of the gallery, is unchanged).
CREDITS = {"low": 3, "medium": 10, "high": 40}


def tiny_png(shade):
    """An 8x8 RGB PNG of one colour."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(shade) * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def slug(prompt):
    words, current = [], ""
    for ch in prompt.lower():
        if ch.isascii() and ch.isalnum():
            current += ch
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    out = ""
    for word in words:
        nxt = word if not out else out + "-" + word
        if len(nxt) > 40:
            break
        out = nxt
    return out or "image"


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(2026)
    start = datetime.datetime(2025, 11, 25, tzinfo=datetime.timezone.utc)
    for number in range(count):
        words = rng.sample(WORDS, rng.randint(3, 9))
        prompt = " ".join(words) if number % 20 else rng.choice(CJK) + " " + words[0]
        created = start + datetime.timedelta(seconds=int(number * 365 * 86400 / count))
        model, size, quality = rng.choice(MODELS), rng.choice(SIZES), rng.choice(QUALITIES)
        ident = "%08x" % rng.getrandbits(32)
        day = created.strftime("%Y/%m/%d")
        name = "%s-%s-%s-0.png" % (created.strftime("%H%M%S"), slug(prompt), ident)
        directory = os.path.join(folder, day)
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, name)
        with open(path, "wb") as out:
            out.write(tiny_png((rng.randrange(256), rng.randrange(256), rng.randrange(256))))
        width, height = (int(part) for part in size.split("x"))
        credits = CREDITS[quality] * (2 if size == "2048x2048" else 1)
        sidecar = {
            "schema": 1, "id": ident, "prompt": prompt, "model": model, "size": size, "quality": quality,
            "n": 1, "index": 0, "creditsPerImage": credits, "requestCost": credits,
            "endpoint": "/v1/async/images/generations", "mode": "async", "taskID": "task_" + ident,
            "sourceImages": [], "responseFormat": "b64_json",
            "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"), "width": width, "height": height, "format": "png",
        }
        with open(path + ".json", "w") as out:
            json.dump(sidecar, out, ensure_ascii=False, indent=2, sort_keys=True)
        if number and number % 10000 == 0:
            print("%d images" % number, file=sys.stderr)


if __name__ == "__main__":
    main()
