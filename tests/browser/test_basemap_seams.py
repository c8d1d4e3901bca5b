"""No seams in the offline basemap: Natural Earth's Chukotka and Fiji cross the
antimeridian, and drawn as given their rings ran from 180 to -180 across the whole map
(thin lines at about 66 N and 16 S, glaring in the contrast theme). web/basemap.py cuts
them there; this looks at the pixels along those latitudes."""
from __future__ import annotations

import io

import pytest

# the latitudes where the old rings crossed, and one clean latitude as a control
SEAMS = [71.52, 70.8, 68.96, 64.98, -16.07, -16.56, -16.8]


def _seam_share(img, y):
    """The share of columns where row y stands apart from rows 3 px above and below
    while those two agree: near 1 for a line drawn across the map, small for coasts."""
    width = img.width
    odd = 0
    for x in range(width):
        a, b, c = img.getpixel((x, y - 3)), img.getpixel((x, y)), img.getpixel((x, y + 3))
        differ = sum(abs(p - q) for p, q in zip(a, b)) > 60
        alike = sum(abs(p - q) for p, q in zip(a, c)) < 20
        odd += differ and alike
    return odd / width


@pytest.mark.parametrize("theme", ["contrast", "light"])
def test_no_horizontal_seams_along_the_old_cut_latitudes(page, live_server, ready, theme):
    from PIL import Image

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server}/embed/demo?theme={theme}&hide=panel,list")
    ready(page)
    page.evaluate("() => chronoatlas.map.setView([20, 0], 2, {animate: false})")
    page.wait_for_timeout(300)
    box = page.locator("#ca-map").bounding_box()
    img = Image.open(io.BytesIO(page.locator("#ca-map").screenshot())).convert("RGB")
    rows = page.evaluate("""(lats) => lats.map(lat => chronoatlas.map.latLngToContainerPoint([lat, 0]).y)""", SEAMS)
    scale = img.height / box["height"]
    shares = {lat: round(_seam_share(img, round(y * scale)), 3) for lat, y in zip(SEAMS, rows)
              if 4 <= y * scale < img.height - 4}
    assert len(shares) >= 5, shares
    assert max(shares.values()) < 0.15, shares


def test_the_antimeridian_rings_are_cut():
    from web.basemap import basemap_geojson, split_antimeridian

    for f in basemap_geojson()["land"]["features"]:
        for polygon in f["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1]
                jumps = [(a, b) for a, b in zip(ring, ring[1:]) if abs(a[0] - b[0]) > 180]
                # only Antarctica's ring round the pole closes along the map's foot
                assert all(a[1] < -80 for a, _ in jumps), jumps
    # a square across the antimeridian becomes one piece on each side, nothing lost
    square = [[[170, 10], [-170, 10], [-170, 20], [170, 20], [170, 10]]]
    pieces = split_antimeridian(square)
    assert sorted(min(p[0] for p in piece[0]) for piece in pieces) == [-180, 170]
    assert all(-180 <= p[0] <= 180 for piece in pieces for p in piece[0])
