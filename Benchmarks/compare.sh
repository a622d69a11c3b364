#!/usr/bin/env bash
# Whole-process comparisons, side by side in one run, written to Benchmarks/results.md:
# start-up (--version) next to nano, chafa and timg, preview vs chafa and timg, generate vs the
# openai Python package (both against the simulator), gallery commands on 10k and 100k images,
# the UI in tmux next to nano, the gallery grid on 100k images in a pty (grid-bench.py), and
# generate with and without a [budget] (budget).
#
#   Benchmarks/compare.sh                 everything (about 15 minutes on 2 cores)
#   SECTIONS="preview ui" Benchmarks/compare.sh
#   PIXTERM=/path/to/pixterm Benchmarks/compare.sh   measure a given binary (no build)
#
# Figures are reported, never checked: this script fails only when a tool cannot run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
WORK="${WORK:-$ROOT/bench-results}"
SECTIONS="${SECTIONS:-startup preview generate gallery ui grid budget}"
RESULTS="${RESULTS:-$HERE/results.md}"
LIB="$HERE/benchlib.py"
mkdir -p "$WORK"

install_tools() {
    local missing=()
    for tool in hyperfine chafa timg nano tmux; do command -v "$tool" >/dev/null || missing+=("$tool"); done
    if ((${#missing[@]})); then
        apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || echo "could not install ${missing[*]}" >&2
    fi
    python3 -c "import openai" 2>/dev/null || pip install -q openai >/dev/null
    python3 -c "import pyte" 2>/dev/null || pip install -q pyte >/dev/null
}

build_pixterm() {
    if [[ -z "${PIXTERM:-}" ]]; then
        (cd "$ROOT" && swift build -c release --static-swift-stdlib --disable-local-rpath --scratch-path .build-release --product pixterm >&2)
        PIXTERM="$ROOT/.build-release/release/pixterm"
    fi
    GALLERY_PIXTERM="${GALLERY_PIXTERM:-$PIXTERM}"
}

# The simulator on a free port, latency 0, drawing photo-like images (about 7 MB per 2048x2048
# PNG, as real photographs compress) so generate, preview and gallery figures move real bytes.
start_simulator() {
    "$PIXTERM" sim --port 0 --latency 0 --images photo >"$WORK/sim.log" 2>&1 &
    SIM_PID=$!
    trap 'kill "$SIM_PID" 2>/dev/null || true' EXIT
    for _ in $(seq 100); do
        SIM="$(grep -o 'http://[^ ]*' "$WORK/sim.log" || true)"
        [[ -n "$SIM" ]] && return
        sleep 0.1
    done
    echo "the simulator did not start" >&2; exit 1
}

export PIXAPI_KEY=sim-key

# Test pictures: photo-like PNGs at three sizes (benchlib.py picture) and a photo-like 4K JPEG
# from the simulator (no JPEG encoder is at hand here without it).
make_images() {
    local images="$WORK/images"
    mkdir -p "$images"
    for size in 1024x1024 1536x1024 3840x2160; do
        [[ -f "$images/$size.png" ]] || python3 "$LIB" picture "${size%x*}" "${size#*x}" "$images/$size.png"
    done
    if [[ ! -f "$images/3840x2160.jpg" ]]; then
        python3 "$HERE/openai_generate.py" --base-url "$SIM" -s 3840x2160 --output-format jpeg --out "$images/tmp" 2>/dev/null
        mv "$images/tmp/image-0.jpg" "$images/3840x2160.jpg"
        rm -rf "$images/tmp"
    fi
}

section() { printf '\n## %s\n\n%s\n\n' "$1" "$2" >>"$RESULTS"; }
table_header() { printf '| command | median | range | ratio to first |\n| --- | --- | --- | --- |\n' >>"$RESULTS"; }

run_preview() {
    make_images
    section "Preview (whole process)" "80x40 cells, 24-bit colour, half blocks, output to /dev/null; hyperfine, 3 warm-ups, at least 20 runs. Ratio is to \`pixterm preview\`."
    for image in 1024x1024.png 1536x1024.png 3840x2160.png 3840x2160.jpg; do
        local file="$WORK/images/$image"
        printf '**%s**\n\n' "$image" >>"$RESULTS"
        table_header
        hyperfine -N -w 3 -m 20 --export-json "$WORK/preview.json" \
            "$PIXTERM preview --width 80 --height 40 --colors truecolor --graphics blocks $file" \
            "chafa -f symbols --symbols vhalf -c full -s 80x40 $file" \
            "timg -ph -g80x40 $file" >/dev/null
        python3 "$LIB" rows "$WORK/preview.json" | sed "s|$WORK/images/||g; s|$PIXTERM|pixterm|g" >>"$RESULTS"
        printf '\nPeak RSS: pixterm %s MiB, chafa %s MiB, timg %s MiB\n\n' \
            "$(python3 "$LIB" peak-rss -- "$PIXTERM" preview --width 80 --height 40 --colors truecolor --graphics blocks "$file")" \
            "$(python3 "$LIB" peak-rss -- chafa -f symbols --symbols vhalf -c full -s 80x40 "$file")" \
            "$(python3 "$LIB" peak-rss -- timg -ph -g80x40 "$file")" >>"$RESULTS"
    done
}

run_generate() {
    section "Generate against the simulator (whole process)" "Simulator latency 0, photo-like images (\`sim --images photo\`), quality low, images saved to disk, \`sync\` before every run. pixterm also writes the gallery index and sidecars. The floor (b64_json only) is curl with the same request piped through C JSON and base64 decoders writing the same files (floor_generate.sh). Ratio is to \`pixterm generate\`."
    local gallery="$WORK/generate-gallery" out="$WORK/openai-out" floor_out="$WORK/floor-out"
    for size in 1024x1024 3840x2160; do
        for n in 1 8; do
            for format in b64_json url; do
                local runs=10
                [[ $size == 3840x2160 && $n == 8 ]] && runs=3
                local pix="$PIXTERM generate 'a lighthouse at dusk, watercolor' -n $n -s $size -q low --response-format $format --base-url $SIM --gallery $gallery --yes"
                local py="python3 $HERE/openai_generate.py --base-url $SIM -n $n -s $size --response-format $format --out $out"
                local commands=("$pix" "$py")
                [[ $format == b64_json ]] && commands+=("$HERE/floor_generate.sh $SIM $n $size $floor_out")
                printf '**n=%s, %s, %s**\n\n' "$n" "$size" "$format" >>"$RESULTS"
                table_header
                # sync before each run: every run then waits only for its own writes, not for the
                # gigabytes the earlier runs left to the kernel (pixterm fsyncs what it saves).
                hyperfine -w 1 -r "$runs" --prepare sync --export-json "$WORK/generate.json" "${commands[@]}" >/dev/null
                python3 "$LIB" rows "$WORK/generate.json" | sed "s|$PIXTERM|pixterm|g; s|$HERE/||g; s|$SIM|\$SIM|g; s|$WORK/||g" >>"$RESULTS"
                printf '\nPeak RSS: pixterm %s MiB, python+openai %s MiB\n\n' \
                    "$(python3 "$LIB" peak-rss -- bash -c "$pix")" "$(python3 "$LIB" peak-rss -- bash -c "$py")" >>"$RESULTS"
            done
        done
    done
}

run_gallery() {
    if ! "$GALLERY_PIXTERM" gallery --help >/dev/null 2>&1; then
        section "Gallery" "skipped: this pixterm has no \`gallery\` command"
        return
    fi
    section "Gallery (whole process)" "Fixture from make-gallery.py (8x8 PNG + sidecar per image). rebuild: one run; list/search: hyperfine, 3 warm-ups; first frame: the UI on that gallery (see UI)."
    printf '| images | rebuild | `gallery list --limit 50` | `gallery search lighthouse` |\n| --- | --- | --- | --- |\n' >>"$RESULTS"
    for count in 10000 100000; do
        local folder="$WORK/gallery-$count"
        [[ -d "$folder" ]] || python3 "$HERE/make-gallery.py" "$folder" "$count" >&2
        local started ended
        started=$(date +%s.%N)
        "$GALLERY_PIXTERM" gallery rebuild --gallery "$folder" >/dev/null
        ended=$(date +%s.%N)
        hyperfine -N -w 3 -m 10 --export-json "$WORK/gallery.json" \
            "$GALLERY_PIXTERM gallery list --limit 50 --gallery $folder" \
            "$GALLERY_PIXTERM gallery search lighthouse --gallery $folder" >/dev/null
        python3 - "$count" "$started" "$ended" "$WORK/gallery.json" >>"$RESULTS" <<'PY'
import json, statistics, sys
count, started, ended, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
medians = [statistics.median(r["times"]) * 1000 for r in json.load(open(path))["results"]]
print("| %s | %.1f s | %.1f ms | %.1f ms |" % (f"{int(count):,}", ended - started, *medians))
PY
    done
}

run_ui() {
    section "UI in tmux (120x40)" "First frame: from \`tmux respawn-pane\` to the screen showing the program (median of 15 launches, polled every 2 ms, so about +5 ms). Idle: 2 s after the first frame. Typing: a 2,000-character prompt sent one character per \`tmux send-keys\` about every 6 ms; CPU from /proc/PID/stat less the idle rate; bytes from \`tmux pipe-pane\`. nano runs with --softwrap so both wrap the text."
    printf '| program | first frame | RSS at idle | CPU at idle | CPU per keystroke | bytes per typed char |\n| --- | --- | --- | --- | --- | --- |\n' >>"$RESULTS"
    local home="$WORK/ui-home"
    rm -rf "$home" && mkdir -p "$home"
    local env="env HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state XDG_CACHE_HOME=$home/cache TERM=xterm-256color"
    python3 "$LIB" ui "pixterm --demo" "Prompt" "$env PIXTERM_GALLERY=$home/gallery $PIXTERM --demo" 15 >>"$RESULTS"
    python3 "$LIB" ui "pixterm, a key, empty gallery" "Prompt" "$env PIXAPI_KEY=bench PIXAPI_BASE_URL=$SIM PIXTERM_GALLERY=$home/key-gallery $PIXTERM" 15 >>"$RESULTS"
    for count in 10000 100000; do
        [[ -d "$WORK/gallery-$count" ]] || continue
        # Not --demo: the demo keeps a gallery of its own.
        python3 "$LIB" ui "pixterm, $count-image gallery" "Prompt" "$env PIXAPI_KEY=bench PIXAPI_BASE_URL=$SIM PIXTERM_GALLERY=$WORK/gallery-$count $PIXTERM" 15 >>"$RESULTS"
    done
    python3 "$LIB" ui "nano" "GNU nano" "$env nano --ignorercfiles --softwrap $WORK/nano.txt" 15 >>"$RESULTS"
    rm -f "$WORK/nano.txt"
}

# How long a process takes to start and answer: `--version` of pixterm and of the other terminal
# tools in this file, each a native binary that prints one line and exits.
run_startup() {
    section "Start-up (whole process)" "\`--version\`, output to /dev/null; hyperfine -N, 10 warm-ups, 200 runs. Ratio is to \`pixterm --version\`."
    table_header
    hyperfine -N -w 10 -r 200 --export-json "$WORK/startup.json" \
        "$PIXTERM --version" "nano --version" "chafa --version" "timg --version" >/dev/null
    python3 "$LIB" rows "$WORK/startup.json" | sed "s|$PIXTERM|pixterm|g" >>"$RESULTS"
}

run_grid() {
    section "Gallery grid (120x40, 100,000 images)" "pixterm in a pty at 120x40, half blocks, 24-bit colour. Fixture: make-gallery.py with the newest 320 images replaced by photo-like PNGs at their sidecar's size (\`grid-bench.py fixture\`). A key's time runs from writing it to the pty to the read after which a terminal emulator (pyte) shows the screen as it ends; bytes are all pixterm wrote for the key. See Benchmarks/grid-bench.py."
    local folder="$WORK/grid-gallery-100000"
    python3 "$HERE/grid-bench.py" fixture "$GALLERY_PIXTERM" "$folder" 100000 >&2
    python3 "$HERE/grid-bench.py" run "$PIXTERM" "$folder" >>"$RESULTS"
}

run_budget() {
    section "Budgets (whole process)" "\`pixterm generate lighthouse -s 1024x1024 -q low --response-format b64_json\` against the simulator, the same command with no budget and with \`[budget] daily\` and \`monthly\` set (a budget adds the check of today's and this month's spend to the ledger row every request writes). The ledger holds 100,000 requests over the past year, written in one transaction before the runs; hyperfine, 3 warm-ups, 30 runs. Ratio is to no budget. In-process figures for the check: \`cd Benchmarks && swift package benchmark --filter budget\`."
    local home="$WORK/budget"
    rm -rf "$home"
    mkdir -p "$home/plain/pixterm" "$home/budget/pixterm"
    : >"$home/plain/pixterm/config.toml"
    printf '[budget]\ndaily = 1000000000\nmonthly = 1000000000\n' >"$home/budget/pixterm/config.toml"
    local pix="$PIXTERM generate lighthouse -s 1024x1024 -q low --response-format b64_json --gallery $home/gallery --base-url $SIM"
    local plain="env XDG_CONFIG_HOME=$home/plain XDG_DATA_HOME=$home/data $pix"
    local budget="env XDG_CONFIG_HOME=$home/budget XDG_DATA_HOME=$home/data $pix"
    $plain >/dev/null  # makes the ledger, then 100,000 older requests go in
    python3 - "$home/data/pixterm/journal/ledger.sqlite" <<'EOF'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
now = time.time()
rows = []
for i in range(100_000):
    created = now - 365 * 86400 * i / 100_000
    day = time.strftime("%Y-%m-%d", time.localtime(created))
    rows.append((f"history-{i}", created, day, "generate", "sync", "gpt-image-2", "1024x1024", "low", 1, 1, 0.01, "charged", 1, None, None, 0))
db.executemany("INSERT INTO request (id, created, day, operation, mode, model, size, quality, n, credits, usd, state, images, batch, line, overBudget) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
db.commit()
EOF
    table_header
    hyperfine -N -w 3 -r 30 --export-json "$WORK/budget.json" -n "no budget" "$plain" -n "[budget] daily and monthly" "$budget" >/dev/null
    python3 "$LIB" rows "$WORK/budget.json" >>"$RESULTS"
}

install_tools
build_pixterm
start_simulator
{
    echo "# pixterm benchmark results"
    echo
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr)."
    echo "Date: $(date -u +%Y-%m-%d). pixterm $(git -C "$ROOT" rev-parse --short HEAD); $(chafa --version | head -1); $(timg --version 2>&1 | head -1 | cut -d'<' -f1 | xargs); $(hyperfine --version); openai $(python3 -c 'import openai; print(openai.__version__)'); $(nano --version | head -1 | xargs)."
    echo "Made by \`Benchmarks/compare.sh\`; in-process figures: \`cd Benchmarks && swift package benchmark\`."
} >"$RESULTS"
for name in $SECTIONS; do "run_$name"; done
echo "wrote $RESULTS" >&2
