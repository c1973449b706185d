"""The EU emblem, drawn to the EU's construction rules (the graphic guide to the European emblem).

A blue rectangle half as high again as wide (3:2); twelve gold five-pointed stars, upright, on an
invisible circle whose radius is a third of the height, centred where the diagonals cross, placed
like the hours on a clock face; each star's points lie on a circle whose radius is one
eighteenth of the height. Colours: Pantone Reflex Blue and Pantone Yellow, as on screens.
"""

import math

REFLEX_BLUE = "#003399"
YELLOW = "#FFCC00"
HEIGHT = 540  # the drawing's units: every length below is a whole fraction of it
WIDTH = HEIGHT * 3 // 2
RING_RADIUS = HEIGHT / 3
STAR_RADIUS = HEIGHT / 18
# A regular five-pointed star's inner vertices: cos(72°) / cos(36°) of the outer radius.
INNER_RATIO = math.cos(math.radians(72)) / math.cos(math.radians(36))


def star_centres():
    """The twelve stars' centres, the first at twelve o'clock, then clockwise."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    return [
        (
            cx + RING_RADIUS * math.sin(math.radians(30 * hour)),
            cy - RING_RADIUS * math.cos(math.radians(30 * hour)),
        )
        for hour in range(12)
    ]


def star_points(cx, cy):
    """The ten vertices of an upright star centred on (cx, cy), its top point first."""
    points = []
    for i in range(10):
        radius = STAR_RADIUS if i % 2 == 0 else STAR_RADIUS * INNER_RATIO
        angle = math.radians(36 * i)
        points.append((cx + radius * math.sin(angle), cy - radius * math.cos(angle)))
    return points


def _path(points):
    return "M" + "L".join(f"{x:.2f} {y:.2f}" for x, y in points) + "Z"


def emblem_svg():
    """The emblem as an SVG element, decorative (the statement beside it says what it is)."""
    stars = "".join(_path(star_points(x, y)) for x, y in star_centres())
    return (
        f'<svg class="eu-emblem" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH // 10}" height="{HEIGHT // 10}" aria-hidden="true" focusable="false">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{REFLEX_BLUE}"/>'
        f'<path fill="{YELLOW}" d="{stars}"/></svg>'
    )
