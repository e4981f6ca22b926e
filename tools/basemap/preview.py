#!/usr/bin/env python3
"""Render a base-map JSON to SVG (and PNG with rsvg-convert) for checking by eye.

usage: preview.py assets/basemap.json /tmp/basemap-preview.png [--scale 1]
       preview.py assets/basemap-detail.json /tmp/detail-wuxi.png --lonlat 120.1 120.5 31.35 31.7 --scale 24

--lonlat crops to a lon/lat box (using the file's projection block); --scale is px per map unit.
Strokes keep their on-screen width when zoomed, like the widget (vector-effect: non-scaling-stroke).
"""
import argparse
import json
import math
import shutil
import subprocess
import sys
from xml.sax.saxutils import escape


def svg(doc, view=None, scale=1.0):
    """view: (x, y, w, h) in map units, default the whole map; scale: px per map unit."""
    L = doc["layers"]
    x0, y0, w, h = view or (0, 0, doc["width"], doc["height"])
    k = 1.0 / scale  # stroke widths in map units for the same on-screen width

    def sw(v):
        return f"{v * k:g}"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w * scale:g}" height="{h * scale:g}" '
           f'viewBox="{x0:g} {y0:g} {w:g} {h:g}">',
           f'<rect x="{x0:g}" y="{y0:g}" width="{w:g}" height="{h:g}" fill="#D6E6F2"/>',
           f'<path d="{L["land"]}" fill="#ECEAE4" fill-rule="evenodd"/>',
           f'<path d="{L["focus"]}" fill="#FBF3E0" fill-rule="evenodd"/>',
           f'<path d="{L["lakes"]}" fill="#D6E6F2" fill-rule="evenodd"/>',
           f'<path d="{L["rivers"]}" fill="none" stroke="#9CC3DD" stroke-width="{sw(1.2)}" stroke-linejoin="round"/>',
           f'<path d="{L["borders"]}" fill="none" stroke="#B9B3A6" stroke-width="{sw(1)}" '
           f'stroke-dasharray="{sw(4)} {sw(3)}"/>',
           f'<path d="{L["coast"]}" fill="none" stroke="#A9A08F" stroke-width="{sw(0.8)}" stroke-linejoin="round"/>']
    style = {"province": ('#8a8170', 22, "bold"), "lake": ("#5d8fb3", 13, "normal"),
             "river": ("#5d8fb3", 13, "normal"), "sea": ("#5d8fb3", 20, "normal")}
    for lb in doc["labels"]:
        c, size, wt = style[lb["kind"]]
        out.append(f'<circle cx="{lb["x"]}" cy="{lb["y"]}" r="{sw(1.5)}" fill="#c33"/>')
        out.append(f'<text x="{lb["x"]}" y="{lb["y"]}" fill="{c}" font-size="{sw(size)}" font-weight="{wt}" '
                   f'text-anchor="middle" dominant-baseline="middle" font-family="Noto Sans CJK SC, sans-serif">'
                   f'{escape(lb["zh"])} {escape(lb["en"])}</text>')
    out.append("</svg>")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("png")
    ap.add_argument("--scale", type=float, default=1.0, help="px per map unit (default 1)")
    ap.add_argument("--lonlat", type=float, nargs=4, metavar=("LON0", "LON1", "LAT0", "LAT1"),
                    help="crop to this lon/lat box")
    args = ap.parse_args()
    src, png = args.src, args.png
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    view = None
    if args.lonlat:
        p = doc["projection"]
        K = math.cos(math.radians(p["ref_lat"]))
        S = doc["width"] / ((p["lon1"] - p["lon0"]) * K)
        lo0, lo1, la0, la1 = args.lonlat
        view = ((lo0 - p["lon0"]) * K * S, (p["lat1"] - la1) * S, (lo1 - lo0) * K * S, (la1 - la0) * S)
    svg_path = png[:-4] + ".svg" if png.endswith(".png") else png + ".svg"
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write(svg(doc, view, args.scale))
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-o", png, svg_path], check=True)
    else:
        subprocess.run(["convert", svg_path, png], check=True)
    print(svg_path, png)


if __name__ == "__main__":
    main()
