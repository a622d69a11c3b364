#!/usr/bin/env python3
"""The gallery grid's speed as a person at a 120x40 terminal meets it: the real pixterm in a
pseudo-terminal, keys written to it, every byte it writes read back with the time it came.

    grid-bench.py fixture PIXTERM FOLDER COUNT [PHOTOS]   the benchmark gallery, indexed
    grid-bench.py run PIXTERM FOLDER [LAUNCHES]           the figures, as markdown

The fixture is make-gallery.py's gallery (tiny PNGs) whose newest PHOTOS images (default 320,
the first screens of the grid) are replaced by distinct photo-like PNGs at the size their
sidecar names (1024x1024 to 2048x2048): decoding them is real work, and a screen of different
pictures is what costs bytes in half blocks. `pixterm gallery rebuild` then indexes it.

A key's time is from writing it to the pty to the last byte of the burst it causes (the
burst ends when pixterm writes nothing for QUIET seconds), and "complete" is the first read
after which a terminal emulator (pyte) shows the same screen as at the end of the burst.
Half blocks (`--graphics blocks`), 24-bit colour (COLORTERM=truecolor): the most bytes.

Cached: a first run pages through the grid so every thumbnail it shows is in the thumbnail
cache ($XDG_CACHE_HOME/pixterm/thumbnails); then each of LAUNCHES runs opens the gallery
(Ctrl+O, the grid remembered), toggles to the list and back (g g) and presses PgDn 10 times.
Uncached: the cache emptied before each, Ctrl+O opens the grid: LAUNCHES times to time the
first screen's thumbnails, LAUNCHES times more with `?`, Escape, `?`, Escape pressed while they
decode (at 10, 30, 50 and 70% of the shortest of those times) to time the help overlay's
opening and closing then, and again once the screen is idle.
"""
import glob
import json
import os
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time

import benchlib

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS, ROWS = 120, 40
PAGE_DOWNS = 10
KEYS = {"ctrl-o": b"\x0f", "pgdn": b"\x1b[6~", "escape": b"\x1b", "ctrl-c": b"\x03"}


def fixture(pixterm, folder, count, photos=320):
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(HERE, "make-gallery.py"), folder, str(count)], check=True)
        newest = sorted(glob.glob(os.path.join(folder, "*/*/*/*.png")))[-photos:]
        for seed, path in enumerate(newest):
            size = json.load(open(path + ".json"))["size"]
            width, height = (int(part) for part in size.split("x"))
            with open(path, "wb") as out:
                out.write(benchlib.photo(width, height, variant=seed))
            if seed % 40 == 39:
                print("%d photos" % (seed + 1), file=sys.stderr)
    subprocess.run([pixterm, "gallery", "rebuild", "--gallery", folder], check=True, stdout=subprocess.DEVNULL)


class Terminal:
    """pixterm on a pseudo-terminal of COLUMNS x ROWS; a thread reads everything it writes,
    stamping each read with the time, and does nothing else, so the stamps stay true."""

    def __init__(self, command, environment):
        import fcntl
        import termios

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))

        def controlling_terminal():
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=environment,
                                        start_new_session=True, preexec_fn=controlling_terminal)
        os.close(slave)
        self.master = master
        self.reads = []  # (time.monotonic(), bytes)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        import pyte

        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.fed = 0
        # Bytes that came after a burst was taken as ended: a burst cut short by a pause.
        self.late = 0

    def _read(self):
        while True:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:
                return
            if not data:
                return
            self.reads.append((time.monotonic(), data))

    def snapshot(self):
        """Every cell's character, colours and attributes: what a person would see."""
        return tuple(tuple((cell.data, cell.fg, cell.bg, cell.reverse, cell.bold) for cell in (row[x] for x in range(COLUMNS)))
                     for row in (self.screen.buffer[y] for y in range(ROWS)))

    def text(self):
        return "\n".join(self.screen.display)

    def feed(self, upto):
        for _, data in self.reads[self.fed:upto]:
            self.stream.feed(data)
        self.fed = max(self.fed, upto)

    def wait_for(self, text, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.feed(len(self.reads))
            if text in self.text():
                return
            time.sleep(0.02)
        raise SystemExit("timed out waiting for %r; the screen was:\n%s" % (text, self.text()))

    def count_late(self):
        """Adds what came since the last burst was taken as ended to `late`."""
        upto = len(self.reads)
        self.late += sum(len(data) for _, data in self.reads[self.fed:upto])
        self.feed(upto)

    def settle(self, quiet=0.3, timeout=30):
        """Waits until pixterm has written nothing for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.01)
            if not self.reads or time.monotonic() - self.reads[-1][0] > quiet:
                self.feed(len(self.reads))
                return
        raise SystemExit("pixterm kept writing for %d s" % timeout)

    def press(self, key, quiet=0.25, timeout=30, marks=()):
        """Writes `key`, waits for the burst of output it causes to end, and says how long it
        took: to the last byte, and to the first read after which the screen was as it ended.
        `marks` are (seconds after `key`, key, predicate on the screen's text) pressed during
        the burst; for each, how long until the screen first satisfied the predicate (after
        the previous mark's did), or None."""
        self.count_late()
        self.settle(0.05)
        start = len(self.reads)
        before = self.snapshot()
        sent = time.monotonic()
        os.write(self.master, key)
        pressed = []
        for offset, mark_key, predicate in marks:
            time.sleep(max(0, sent + offset - time.monotonic()))
            pressed.append((len(self.reads), time.monotonic(), predicate))
            os.write(self.master, mark_key)
        while True:
            time.sleep(0.005)
            now = time.monotonic()
            if len(self.reads) > start and now - self.reads[-1][0] > quiet:
                break
            if now - sent > timeout:
                raise SystemExit("no end to the output after %r in %d s" % (key, timeout))
        burst = self.reads[start:]
        screens, texts = [], []
        for _, data in burst:
            self.stream.feed(data)
            screens.append(self.snapshot())
            texts.append(self.text())
        self.fed = start + len(burst)
        final = screens[-1] if screens else before
        complete = next(i for i, screen in enumerate(screens + [final]) if screen == final)
        echoes, earliest = [], 0
        for first_read, pressed_at, predicate in pressed:
            found = next((i for i in range(max(first_read - start, earliest), len(burst)) if predicate(texts[i])), None)
            echoes.append(None if found is None else burst[found][0] - pressed_at)
            earliest = len(burst) if found is None else found + 1
        return {
            "last_byte": burst[-1][0] - sent,
            "complete": burst[complete][0] - sent,
            "bytes": sum(len(data) for _, data in burst),
            "echoes": echoes,
        }

    def quit(self):
        for _ in range(2):
            os.write(self.master, KEYS["ctrl-c"])
            time.sleep(0.3)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        os.close(self.master)


def environment(home, folder):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "XDG_CONFIG_HOME": home + "/config",
        "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state", "XDG_CACHE_HOME": home + "/cache",
        "TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
        # A key, so the first-run offer stays away; nothing is sent to this address.
        "PIXAPI_KEY": "bench", "PIXAPI_BASE_URL": "http://127.0.0.1:9", "PIXTERM_GALLERY": folder,
    }


def launch(pixterm, home, folder):
    terminal = Terminal([pixterm, "--graphics", "blocks"], environment(home, folder))
    terminal.wait_for("Prompt")
    terminal.settle(0.5)
    return terminal


def remember_grid(home):
    os.makedirs(home + "/data/pixterm", exist_ok=True)
    with open(home + "/data/pixterm/gallery-view", "w") as out:
        out.write("grid\n")


def ms(seconds):
    return "%.1f ms" % (seconds * 1000)


def run(pixterm, folder, launches=3):
    load_before = os.getloadavg()[0]
    home = tempfile.mkdtemp(prefix="grid-bench-")
    thumbnails = home + "/cache/pixterm/thumbnails"
    try:
        remember_grid(home)
        # Uncached: the first screen of thumbnails, then keys while they decode.
        firsts = []
        for _ in range(launches):
            shutil.rmtree(thumbnails, ignore_errors=True)
            terminal = launch(pixterm, home, folder)
            firsts.append(terminal.press(KEYS["ctrl-o"], quiet=1.5))
            shown = sum(row.count("▀") + row.count("▄") > 0 for row in terminal.screen.display)
            terminal.quit()
        opened = lambda text: "Gallery keys" in text
        closed = lambda text: "Gallery keys" not in text
        # The keys come at a tenth, three, five and seven tenths of the time the thumbnails took.
        decoding = min(first["complete"] for first in firsts)
        busy_opens, busy_closes, idle_opens, idle_closes = [], [], [], []
        for _ in range(launches):
            shutil.rmtree(thumbnails, ignore_errors=True)
            terminal = launch(pixterm, home, folder)
            busy = terminal.press(KEYS["ctrl-o"], quiet=1.5, marks=[
                (0.1 * decoding, b"?", opened), (0.3 * decoding, KEYS["escape"], closed),
                (0.5 * decoding, b"?", opened), (0.7 * decoding, KEYS["escape"], closed)])
            busy_opens += busy["echoes"][0::2]
            busy_closes += busy["echoes"][1::2]
            idle_opens.append(terminal.press(b"?", quiet=0.5)["complete"])
            idle_closes.append(terminal.press(KEYS["escape"], quiet=0.5)["complete"])
            terminal.quit()

        # Fills the cache: the grid and PAGE_DOWNS screens below it, each left to finish.
        terminal = launch(pixterm, home, folder)
        terminal.press(KEYS["ctrl-o"], quiet=1.5)
        for _ in range(PAGE_DOWNS):
            terminal.press(KEYS["pgdn"], quiet=1.5)
        terminal.quit()
        cached = len(os.listdir(thumbnails)) if os.path.isdir(thumbnails) else 0

        opens, toggles, pages, late = [], [], [], 0
        for _ in range(launches):
            terminal = launch(pixterm, home, folder)
            opens.append(terminal.press(KEYS["ctrl-o"]))
            terminal.press(b"g")
            toggles.append(terminal.press(b"g"))
            for _ in range(PAGE_DOWNS):
                pages.append(terminal.press(KEYS["pgdn"]))
                time.sleep(1)
            terminal.count_late()
            late += terminal.late
            terminal.quit()
    finally:
        shutil.rmtree(home, ignore_errors=True)

    def median(results, field):
        return statistics.median(result[field] for result in results)

    def worst(results, field):
        return max(result[field] for result in results)

    print("| measure | median | worst | goal |")
    print("| --- | --- | --- | --- |")
    print("| open the grid (Ctrl+O, grid remembered), cached: screen complete | %s | %s | < 50 ms |" % (ms(median(opens, "complete")), ms(worst(opens, "complete"))))
    print("| open the grid (g from the list), cached: screen complete | %s | %s | < 50 ms |" % (ms(median(toggles, "complete")), ms(worst(toggles, "complete"))))
    print("| PgDn in the grid, cached: screen complete | %s | %s | < 50 ms |" % (ms(median(pages, "complete")), ms(worst(pages, "complete"))))
    print("| PgDn in the grid, cached: last byte | %s | %s | |" % (ms(median(pages, "last_byte")), ms(worst(pages, "last_byte"))))
    print("| bytes written per PgDn (half blocks, 24-bit) | %.1f KiB | %.1f KiB | < 64 KiB |" % (median(pages, "bytes") / 1024, worst(pages, "bytes") / 1024))
    print("| open the grid, nothing cached: first screen of thumbnails complete | %s | %s | < 1 s |" % (ms(median(firsts, "complete")), ms(worst(firsts, "complete"))))
    def echo_row(what, echoes, goal=""):
        # A key whose effect never showed counts as the worst (inf) and is said so.
        seen = [echo if echo is not None else float("inf") for echo in echoes]
        print("| %s | %s | %s | %s |" % (what, ms(statistics.median(seen)), ms(max(seen)), goal))

    echo_row("`?` while those thumbnails decode: the help overlay shown after", busy_opens, "keys stay live")
    echo_row("Escape while they decode: the overlay gone after (ncurses waits 25 ms to tell Escape from a sequence)", busy_closes)
    echo_row("`?` once the screen is idle", idle_opens)
    echo_row("Escape once the screen is idle", idle_closes)
    print()
    print("%d launches each: cached, %d PgDn a launch, %d thumbnails in the cache, and %d bytes came after a burst was taken as "
          "ended (looked for a second after each PgDn); uncached, %d screen rows held half-block pixels at the end. The keys during "
          "decoding were pressed %s after Ctrl+O." % (launches, PAGE_DOWNS, cached, late, shown,
                                                      ", ".join(ms(f * decoding) for f in (0.1, 0.3, 0.5, 0.7))))
    print("The machine's load average (1 minute) was %.2f before and %.2f after: other work on it slows every figure." % (
        load_before, os.getloadavg()[0]))


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "fixture":
        fixture(sys.argv[2], sys.argv[3], int(sys.argv[4]), *(int(arg) for arg in sys.argv[5:6]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3], *(int(arg) for arg in sys.argv[4:5]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
