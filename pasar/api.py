"""e-pasar in the service API: the public catalogue of products and UMKM."""

from ninja import Router

router = Router(tags=["e-pasar"])
