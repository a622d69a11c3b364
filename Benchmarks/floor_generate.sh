#!/usr/bin/env bash
# The floor for `pixterm generate --response-format b64_json`: the same request sent by curl, its
# JSON parsed and every image's base64 decoded by C code (Python's json and binascii modules),
# each written to its own file. Nothing a client does can be much cheaper than this.
#
#   floor_generate.sh BASE_URL N SIZE OUT_DIR
set -euo pipefail
base="$1" n="$2" size="$3" out="$4"
mkdir -p "$out"
curl -sS --fail -H "Authorization: Bearer ${PIXAPI_KEY:-sim-key}" -H "Content-Type: application/json" \
    -d "{\"model\":\"gpt-image-2\",\"prompt\":\"a lighthouse at dusk, watercolor\",\"n\":$n,\"size\":\"$size\",\"quality\":\"low\",\"response_format\":\"b64_json\"}" \
    "$base/v1/images/generations" |
    python3 -c '
import binascii, json, sys
for index, item in enumerate(json.load(sys.stdin)["data"]):
    with open(f"{sys.argv[1]}/image-{index}.png", "wb") as file:
        file.write(binascii.a2b_base64(item["b64_json"]))
' "$out"
