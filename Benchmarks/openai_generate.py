#!/usr/bin/env python3
"""The Python side of the `pixterm generate` comparison: the official `openai` package against the
same simulator, saving every image to disk as pixterm does.

    openai_generate.py --base-url http://127.0.0.1:PORT -n 8 -s 3840x2160 --response-format url --out DIR
"""
import argparse
import base64
import os
import sys
import urllib.request

from openai import OpenAI


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True, help="the simulator, without /v1")
    parser.add_argument("-n", type=int, default=1)
    parser.add_argument("-s", "--size", default="1024x1024")
    parser.add_argument("--response-format", choices=["url", "b64_json"], default="b64_json")
    parser.add_argument("--output-format", choices=["png", "jpeg"], default="png")
    parser.add_argument("--prompt", default="a lighthouse at dusk, watercolor")
    parser.add_argument("--out", required=True, help="folder the images are written to")
    args = parser.parse_args()

    client = OpenAI(base_url=args.base_url.rstrip("/") + "/v1", api_key=os.environ.get("PIXAPI_KEY", "sim-key"))
    result = client.images.generate(
        model="gpt-image-2", prompt=args.prompt, n=args.n, size=args.size, quality="low",
        response_format=args.response_format, extra_body={"output_format": args.output_format},
    )
    os.makedirs(args.out, exist_ok=True)
    extension = "jpg" if args.output_format == "jpeg" else "png"
    for index, image in enumerate(result.data):
        if image.b64_json is not None:
            data = base64.b64decode(image.b64_json)
        else:
            with urllib.request.urlopen(image.url) as response:
                data = response.read()
        with open(os.path.join(args.out, "image-%d.%s" % (index, extension)), "wb") as f:
            f.write(data)
    print("saved %d image(s) to %s" % (len(result.data), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
