#!/usr/bin/env python3
"""Helpers for compare.sh that are awkward in bash: peak memory of a command, markdown rows from
hyperfine's JSON, and driving a terminal program in tmux (first frame, idle RSS, typing cost).

    benchlib.py peak-rss -- CMD...             prints the peak RSS of CMD and its children in MiB
    benchlib.py rows JSON [BASELINE_INDEX]     markdown rows: command, median, min..max, ratio
    benchlib.py ui NAME READY_TEXT CMD [N]     tmux figures for a program, as one markdown row
                                               (first frame: median of N launches, default 5)
    benchlib.py picture WIDTH HEIGHT OUT.png   a photo-like test PNG (gradients, waves, noise)
"""
import json
import os
import resource
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib

TMUX = ["tmux", "-L", "pixterm-bench", "-f", "/dev/null"]
PROMPT_WORDS = "a watercolor lighthouse at dusk with gulls over a calm sea and warm light "
PROMPT = (PROMPT_WORDS * (2000 // len(PROMPT_WORDS) + 1))[:2000]


def peak_rss(command):
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    print("%.1f" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))


def rows(path, baseline=0):
    results = json.load(open(path))["results"]
    base = statistics.median(results[baseline]["times"])
    for result in results:
        median = statistics.median(result["times"])
        print("| `%s` | %.1f ms | %.1f–%.1f ms | %.2f× |" % (
            result["command"], median * 1000, result["min"] * 1000, result["max"] * 1000, median / base))


def tmux(*args, capture=False):
    run = subprocess.run(TMUX + list(args), check=True, capture_output=capture, text=True)
    return run.stdout if capture else None


def screen():
    return tmux("capture-pane", "-p", "-t", "bench", capture=True)


def wait_for(text, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in screen():
            return True
        time.sleep(0.002)
    raise SystemExit("timed out waiting for %r; screen:\n%s" % (text, screen()))


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ui(name, ready, command, launches=5):
    tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", "sleep 600")
    try:
        first_frames = []
        for _ in range(launches):
            started = time.monotonic()
            tmux("respawn-pane", "-k", "-t", "bench", "exec " + command)
            wait_for(ready)
            first_frames.append((time.monotonic() - started) * 1000)
        pid = int(tmux("display", "-p", "-t", "bench", "#{pane_pid}", capture=True))
        time.sleep(2)
        idle_rss = rss_mib(pid)
        idle_before = cpu_seconds(pid)
        time.sleep(3)
        idle_cpu = (cpu_seconds(pid) - idle_before) / 3
        log = tempfile.NamedTemporaryFile(delete=False)
        tmux("pipe-pane", "-o", "-t", "bench", "cat >> " + log.name)
        before = cpu_seconds(pid)
        typing_started = time.monotonic()
        for char in PROMPT:
            tmux("send-keys", "-t", "bench", "-l", "--", char)
            time.sleep(0.004)
        time.sleep(1.5)  # let the last keys be drawn
        typing_seconds = time.monotonic() - typing_started
        cpu = cpu_seconds(pid) - before - idle_cpu * typing_seconds
        tmux("pipe-pane", "-t", "bench")
        time.sleep(0.2)
        written = os.path.getsize(log.name)
        os.unlink(log.name)
        print("| %s | %.0f ms | %.1f MiB | %.2f%% | %.3f ms | %.1f |" % (
            name, statistics.median(first_frames), idle_rss, idle_cpu * 100,
            cpu * 1000 / len(PROMPT), written / len(PROMPT)))
    finally:
        subprocess.run(TMUX + ["kill-server"], capture_output=True)


def picture(width, height, path):
    with open(path, "wb") as f:
        f.write(photo(width, height))


def photo(width, height, variant=None):
    """A photo-like PNG's bytes. Noise keeps it about as large as a photo's (the simulator's
    flat stripes compress 50 times better), so decoders do realistic work. `variant` (a seed)
    varies the waves and the tint so pictures differ; None is the one `picture` writes."""
    import numpy

    y, x = numpy.mgrid[0:height, 0:width].astype(numpy.float32)
    u, v = x / width, y / height
    if variant is None:
        (a, b, c), tint, noise_seed = (17, 23, 9), (0, 0, 0), 7
    else:
        rng = numpy.random.default_rng(variant)
        (a, b, c), tint, noise_seed = rng.uniform(5, 30, 3), rng.uniform(-60, 60, 3), variant
    noise = numpy.random.default_rng(noise_seed).normal(0, 3, (height, width, 3)).astype(numpy.float32)
    rgb = numpy.stack([255 * u + 40 * numpy.sin(v * a) + tint[0], 255 * v + 40 * numpy.sin(u * b) + tint[1],
                       128 + 100 * numpy.sin((u + v) * c) + tint[2]], axis=-1) + noise
    pixels = numpy.clip(rgb, 0, 255).astype(numpy.uint8)
    raw = numpy.concatenate([numpy.zeros((height, 1), numpy.uint8), pixels.reshape(height, -1)], axis=1)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw.tobytes(), 6))
            + chunk(b"IEND", b""))


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    if sys.argv[1] == "peak-rss" and sys.argv[2] == "--":
        peak_rss(sys.argv[3:])
    elif sys.argv[1] == "rows":
        rows(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    elif sys.argv[1] == "ui":
        ui(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 5)
    elif sys.argv[1] == "picture":
        picture(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
