"""e-kecamatan in the service API: services, applications, tracking, IKM."""

from ninja import Router

router = Router(tags=["e-kecamatan"])
