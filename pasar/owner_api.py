"""e-pasar owners' endpoints: their UMKM profile and products (authenticated)."""

from ninja import Router

router = Router(tags=["e-pasar: pemilik UMKM"])
