"""Who may see which application (DESIGN §5): kecamatan officers only their own."""

from portal.roles import ADMIN_PORTAL, PETUGAS_KECAMATAN, group_names


def is_layanan_admin(user):
    """Portal admins (and superusers) see every kecamatan's applications."""
    return user.is_active and (user.is_superuser or ADMIN_PORTAL in group_names(user))


def officer_kecamatan_id(user):
    """The kecamatan a kecamatan officer works for, or ``None``."""
    if PETUGAS_KECAMATAN not in group_names(user):
        return None
    profile = getattr(user, "profil_petugas", None)
    return profile.kecamatan_id if profile else None


def permohonan_scope_for(user, queryset):
    """``queryset`` narrowed to the applications ``user`` may see."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if is_layanan_admin(user):
        return queryset
    kecamatan_id = officer_kecamatan_id(user)
    if kecamatan_id is None:
        return queryset.none()
    return queryset.filter(kecamatan_id=kecamatan_id)
