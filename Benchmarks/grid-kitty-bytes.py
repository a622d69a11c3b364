#!/usr/bin/env python3
"""Bytes the gallery grid writes per PgDn with kitty graphics, first visit against repeat visit:
the real pixterm (`--graphics kitty`) in grid-bench.py's 120x40 pseudo-terminal, on a gallery of
photo-like 1024x1024 PNGs (benchlib.photo), no thumbnail cache to start with.

    grid-kitty-bytes.py PIXTERM [COUNT]

A first visit sends each new thumbnail's data once; after it, paging back and forth only places
the pictures the terminal already holds (kitty image ids), which is what SSH sessions pay for.
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("grid_bench", os.path.join(HERE, "grid-bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

PGUP = b"\x1b[5~"


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    pixterm, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60
    home = tempfile.mkdtemp(prefix="grid-kitty-bytes-")
    folder = os.path.join(home, "gallery")
    try:
        os.makedirs(folder)
        for seed in range(count):
            with open(os.path.join(folder, "photo-%03d.png" % seed), "wb") as out:
                out.write(bench.benchlib.photo(1024, 1024, variant=seed))
        subprocess.run([pixterm, "gallery", "rebuild", "--gallery", folder], check=True, stdout=subprocess.DEVNULL)
        bench.remember_grid(home)
        terminal = bench.Terminal([pixterm, "--graphics", "kitty"], bench.environment(home, folder))
        terminal.wait_for("Prompt")
        terminal.settle(0.5)
        # Each burst ends once pixterm has been quiet for 2 s: every thumbnail decoded and sent.
        opened = terminal.press(bench.KEYS["ctrl-o"], quiet=2)
        first = terminal.press(bench.KEYS["pgdn"], quiet=2)
        back = terminal.press(PGUP, quiet=2)
        again = terminal.press(bench.KEYS["pgdn"], quiet=2)
        terminal.quit()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print("| kitty, %dx%d, %d photos 1024x1024 | bytes |" % (bench.COLUMNS, bench.ROWS, count))
    print("| --- | --- |")
    print("| open the grid (first screen, with its data) | %d |" % opened["bytes"])
    print("| PgDn, first visit | %d |" % first["bytes"])
    print("| PgUp, back to a screen already sent | %d |" % back["bytes"])
    print("| PgDn, repeat visit | %d |" % again["bytes"])


if __name__ == "__main__":
    main()
