#!/usr/bin/env bash
# Builds pixterm's fuzz targets with libFuzzer and AddressSanitizer, from the Swift toolchain's
# own clang and swiftc, and runs each for a bounded time.
#
#   Fuzz/run.sh [seconds-per-target] [target...]     (default: 10 s, every target)
#
# Targets: png jpeg toml keys spooler sidecar listing. Each starts from its seeds in Fuzz/corpus/<target>
# (read only); what it learns goes to .build-fuzz/corpus/<target>. A crash, an ASan error, a
# hang past -timeout or a memory blow-up past -rss_limit_mb makes the script exit 1 after the
# other targets ran; the input is saved under .build-fuzz/artifacts/ and named in the output.
# Replay one with: .build-fuzz/bin/fuzz-<target> <file>
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(png jpeg toml keys spooler sidecar listing)

out=$root/.build-fuzz
mkdir -p "$out/bin" "$out/artifacts" "$out/logs"

swiftc=$(command -v swiftc)
toolchain=$(dirname "$(readlink -f "$swiftc")")
clang=$toolchain/clang
if ! find "$toolchain/../lib" -name 'libclang_rt.fuzzer*' 2>/dev/null | grep -q .; then
  echo "fuzz: the Swift toolchain in $toolchain has no libFuzzer runtime" >&2
  exit 1
fi

swift_flags=(-sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld -suppress-warnings)
c_flags=(-g -O1 -fsanitize=fuzzer,address -fuse-ld=lld -ISources/CImageCodecs/include -ISources/CImageCodecs)

P=Sources/PixapiKit
# PixapiError and what it needs: every PixapiKit harness includes these.
pixapi_errors=("$P/Errors/PixapiError.swift" "$P/Text/TerminalText.swift" "$P/Security/Redactor.swift")

build() {
  local target=$1 bin=$out/bin/fuzz-$1
  case $target in
    png | jpeg)
      "$clang" "${c_flags[@]}" Sources/CImageCodecs/*.c "Fuzz/harness/$target.c" -lpng16 -ljpeg -o "$bin" ;;
    toml)
      "$swiftc" "${swift_flags[@]}" -module-name PixapiKit "${pixapi_errors[@]}" \
        "$P/Config/TOMLSubset.swift" "$P/Config/TOMLNumber.swift" Fuzz/harness/toml.swift -o "$bin" ;;
    keys)
      "$swiftc" "${swift_flags[@]}" -module-name TerminalUI Sources/TerminalUI/Backend/Input/*.swift \
        Fuzz/harness/keys.swift -o "$bin" ;;
    spooler)
      "$swiftc" "${swift_flags[@]}" -module-name PixapiKit "${pixapi_errors[@]}" \
        "$P/Responses/ImageResponseSpooler.swift" "$P/Responses/Base64StreamDecoder.swift" \
        "$P/Responses/ImageResult.swift" Fuzz/harness/spooler-shims.swift Fuzz/harness/spooler.swift -o "$bin" ;;
    sidecar)
      # Sidecar.swift imports PixapiKit: build the few PixapiKit files it needs as that module.
      local modules=$out/modules/sidecar
      mkdir -p "$modules"
      "$swiftc" "${swift_flags[@]}" -module-name PixapiKit -emit-library -static -emit-module \
        -emit-module-path "$modules/PixapiKit.swiftmodule" -o "$modules/libPixapiKit.a" "${pixapi_errors[@]}" \
        "$P/Requests/ImageRequest.swift" "$P/Sizes/ImageSize.swift" "$P/Catalog/Quality.swift"
      "$swiftc" "${swift_flags[@]}" -module-name Gallery -I "$modules" Sources/Gallery/Folder/Sidecar.swift \
        Fuzz/harness/sidecar.swift "$modules/libPixapiKit.a" -o "$bin" ;;
    listing)
      # FolderListing.swift imports ImageCodec for one function: build that file as the module.
      # RegularFile.swift reads large files into CImageCodecs' huge-page buffers: a module map for
      # its header (SwiftPM writes one in a package build) and its C files in the link.
      local modules=$out/modules/listing
      mkdir -p "$modules/CImageCodecs"
      printf 'module CImageCodecs {\n  header "%s"\n  export *\n}\n' "$PWD/Sources/CImageCodecs/include/CImageCodecs.h" \
        >"$modules/CImageCodecs/module.modulemap"
      "$swiftc" "${swift_flags[@]}" -module-name ImageCodec -emit-library -static -emit-module -I "$modules/CImageCodecs" \
        -emit-module-path "$modules/ImageCodec.swiftmodule" -o "$modules/libImageCodec.a" Sources/ImageCodec/RegularFile.swift
      (cd "$modules" && "$clang" -g -O1 -fsanitize=address -I"$OLDPWD/Sources/CImageCodecs/include" -c "$OLDPWD"/Sources/CImageCodecs/*.c)
      "$swiftc" "${swift_flags[@]}" -module-name Gallery -I "$modules" -I "$modules/CImageCodecs" Sources/Gallery/Folder/FolderListing.swift \
        Fuzz/harness/listing.swift "$modules/libImageCodec.a" "$modules"/*.o -lpng16 -ljpeg -lz -o "$bin" ;;
    *)
      echo "fuzz: unknown target $target (png jpeg toml keys spooler sidecar listing)" >&2
      return 1 ;;
  esac
}

# Longest input per target: images need room for a few chunks or markers, text stays short so
# every run is cheap (the linear-time checks live in the unit tests).
max_len() {
  case $1 in
    png | jpeg) echo 16384 ;;
    spooler | sidecar) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

failed=()
start=$SECONDS
for target in "${targets[@]}"; do
  built=$SECONDS
  echo "fuzz: building $target"
  build "$target"
  echo "fuzz: built $target in $((SECONDS - built)) s; running for $seconds s"
  mkdir -p "$out/corpus/$target"
  # Swift's runtime caches look like leaks to LeakSanitizer, so leaks are checked in C only.
  leaks=1
  case $target in png | jpeg) ;; *) leaks=0 ;; esac
  log=$out/logs/$target.log
  if ASAN_OPTIONS="detect_leaks=$leaks:allocator_may_return_null=1" SWIFT_BACKTRACE=enable=no \
    "$out/bin/fuzz-$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
    -rss_limit_mb=2048 -dict="Fuzz/dict/$target.dict" -artifact_prefix="$out/artifacts/$target-" \
    -print_final_stats=1 "$out/corpus/$target" "Fuzz/corpus/$target" >"$log" 2>&1; then
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
    echo "fuzz: $target ok, $runs executions"
  else
    failed+=("$target")
    echo "fuzz: $target FAILED; the end of $log:" >&2
    grep -v '^#' "$log" | tail -40 >&2
  fi
done
echo "fuzz: ${#targets[@]} targets in $((SECONDS - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failing targets: ${failed[*]} (inputs in $out/artifacts/)" >&2
  exit 1
fi
