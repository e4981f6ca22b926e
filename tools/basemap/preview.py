#!/usr/bin/env python3
"""Render a base-map JSON to SVG (and PNG with rsvg-convert) for checking by eye.

usage: preview.py assets/basemap.json /tmp/basemap-preview.png [--scale 1]
"""
import json
import shutil
import subprocess
import sys
from xml.sax.saxutils import escape


def svg(doc):
    w, h = doc["width"], doc["height"]
    L = doc["layers"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">',
           f'<rect width="{w}" height="{h}" fill="#D6E6F2"/>',
           f'<path d="{L["land"]}" fill="#ECEAE4" fill-rule="evenodd"/>',
           f'<path d="{L["focus"]}" fill="#FBF3E0" fill-rule="evenodd"/>',
           f'<path d="{L["lakes"]}" fill="#D6E6F2" fill-rule="evenodd"/>',
           f'<path d="{L["rivers"]}" fill="none" stroke="#9CC3DD" stroke-width="1.2" stroke-linejoin="round"/>',
           f'<path d="{L["borders"]}" fill="none" stroke="#B9B3A6" stroke-width="1" stroke-dasharray="4 3"/>',
           f'<path d="{L["coast"]}" fill="none" stroke="#A9A08F" stroke-width="0.8" stroke-linejoin="round"/>']
    style = {"province": ('#8a8170', 22, "bold"), "lake": ("#5d8fb3", 13, "normal"),
             "river": ("#5d8fb3", 13, "normal"), "sea": ("#5d8fb3", 20, "normal")}
    for lb in doc["labels"]:
        c, size, wt = style[lb["kind"]]
        out.append(f'<circle cx="{lb["x"]}" cy="{lb["y"]}" r="1.5" fill="#c33"/>')
        out.append(f'<text x="{lb["x"]}" y="{lb["y"]}" fill="{c}" font-size="{size}" font-weight="{wt}" '
                   f'text-anchor="middle" dominant-baseline="middle" font-family="Noto Sans CJK SC, sans-serif">'
                   f'{escape(lb["zh"])} {escape(lb["en"])}</text>')
    out.append("</svg>")
    return "\n".join(out)


def main():
    src, png = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    svg_path = png[:-4] + ".svg" if png.endswith(".png") else png + ".svg"
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write(svg(doc))
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-o", png, svg_path], check=True)
    else:
        subprocess.run(["convert", svg_path, png], check=True)
    print(svg_path, png)


if __name__ == "__main__":
    main()
