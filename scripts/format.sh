#!/usr/bin/env bash
# Formats pixterm's Swift code with the toolchain's swift-format and the repository's
# .swift-format, or (with --lint) checks it without changing anything: exit 0 when clean,
# 1 when a file is not formatted or breaks a lint rule (--strict turns warnings into errors).
#
# .swift-format is swift-format's default configuration with these changes, each to match the
# code as it was written before the formatter came (so formatting it changed as little as
# possible):
#   indentation 4 spaces; #if blocks not indented (indentConditionalCompilationBlocks false).
#   lineLength 200: code lines were never wrapped at a fixed width (doc comments wrap near 100,
#     code runs to 267); 200 keeps all but a few dozen lines as they are.
#   DoNotUseSemicolons off: short `case .tab: moveFocus(by: 1); return []` arms stay on one line.
#   OneVariableDeclarationPerLine off: `let width = ..., height = ...` pairs are kept together.
#   UseLetInEveryBoundCaseVariable off: the code writes `case let .paste(text)` throughout.
#   NoAccessLevelOnExtensionDeclaration off: `private extension` is used for file-local helpers.
#   OnlyOneTrailingClosureArgument off: `with({ reply }) { server in ... }` reads well in tests.
#   ReplaceForEachWithForLoop off: `defer { pointers.forEach { free($0) } }` is one line.
#   OrderedImports off: it puts a blank line before every `@testable import`, which the test
#     files write right under their other imports (half of the files would change for that).
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests Fuzz Package.swift Benchmarks/Benchmarks Benchmarks/Package.swift)
if [[ "${1:-}" == "--lint" ]]; then
    exec swift format lint --strict --recursive --parallel "${paths[@]}"
fi
exec swift format --in-place --recursive --parallel "${paths[@]}"
