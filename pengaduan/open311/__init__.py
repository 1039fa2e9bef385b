"""Open311 GeoReport v2 for e-laga at /open311/v2/ (https://wiki.open311.org/GeoReport_v2)."""
