"""Distances on the Earth's surface, for checking that records lie where their region is."""

import math

EARTH_RADIUS_KM = 6371.0088
# The great-circle distance of one degree of latitude: no two points further apart in latitude are closer.
KM_PER_DEGREE_LATITUDE = math.pi * EARTH_RADIUS_KM / 180


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distance_to_box_km(lat: float, lon: float, box) -> float:
    """Distance from a point to the nearest point of a bounding box; 0 inside it."""
    nearest_lat = min(max(lat, box.south), box.north)
    nearest_lon = min(max(lon, box.west), box.east)
    return distance_km(lat, lon, nearest_lat, nearest_lon)
