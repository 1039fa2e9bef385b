"""Where a report happened: Langkat's bounds, distances and the public (rounded) point.

A report's pin is stored as the resident placed it (6 decimals, about 10 cm) for the
officers who go there. Everything public (site, service API, Open311) shows it
rounded to :data:`PUBLIC_DECIMALS` (about 100 m), and never for a report that is not
published, so a pin on a house does not point at the reporter.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

#: Kabupaten Langkat lies within 3.23 to 4.22 degrees north and 97.87 to 98.75 east;
#: the box adds a margin of about 2 km so a pin on the border is never refused.
LANGKAT_BOUNDS = {
    "south": Decimal("3.21"),
    "north": Decimal("4.24"),
    "west": Decimal("97.84"),
    "east": Decimal("98.77"),
}
#: Decimals of a public point: 0.001° is about 110 m in Langkat.
PUBLIC_DECIMALS = 3
EARTH_RADIUS_M = 6_371_000
METRES_PER_DEGREE = 111_320


def in_langkat(latitude, longitude):
    """Whether the point lies in Langkat's bounding box."""
    bounds = LANGKAT_BOUNDS
    return (
        bounds["south"] <= Decimal(latitude) <= bounds["north"]
        and bounds["west"] <= Decimal(longitude) <= bounds["east"]
    )


def rounded(value, decimals=PUBLIC_DECIMALS):
    """``value`` rounded to ``decimals`` places as a float (``None`` stays)."""
    if value is None:
        return None
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(value).quantize(step, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class PublicPoint:
    """A report's location as the public may see it."""

    latitude: float
    longitude: float


def public_point(laporan):
    """The rounded point of a published report; ``None`` when it has no pin or is
    not public (``rahasia``, never-public category, hidden or not yet verified)."""
    if laporan.latitude is None or laporan.longitude is None:
        return None
    if not laporan.is_published:
        return None
    return PublicPoint(rounded(laporan.latitude), rounded(laporan.longitude))


def distance_m(latitude_a, longitude_a, latitude_b, longitude_b):
    """The great-circle distance in metres between two points (haversine)."""
    phi_a, phi_b = math.radians(latitude_a), math.radians(latitude_b)
    delta_phi = phi_b - phi_a
    delta_lambda = math.radians(longitude_b - longitude_a)
    a = (
        math.sin(delta_phi / 2) ** 2
        + math.cos(phi_a) * math.cos(phi_b) * math.sin(delta_lambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def bounding_box(latitude, longitude, radius_m):
    """(south, north, west, east) of a box holding every point within ``radius_m``:
    a cheap database filter before the exact distance."""
    delta_latitude = radius_m / METRES_PER_DEGREE
    delta_longitude = radius_m / (
        METRES_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01)
    )
    return (
        latitude - delta_latitude,
        latitude + delta_latitude,
        longitude - delta_longitude,
        longitude + delta_longitude,
    )
