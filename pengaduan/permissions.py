"""Who may see which report, and whose identity (DESIGN §5)."""

from portal.roles import ADMIN_PORTAL, MODERATOR_PENGADUAN, PETUGAS_OPD
from portal.roles import group_names as _group_names


def is_moderator(user):
    """Moderators (and portal admins) see and process every report."""
    return user.is_active and (
        user.is_superuser
        or bool({MODERATOR_PENGADUAN, ADMIN_PORTAL} & _group_names(user))
    )


def officer_opd_id(user):
    """The OPD an OPD officer works for, or ``None``."""
    if PETUGAS_OPD not in _group_names(user):
        return None
    profile = getattr(user, "profil_petugas", None)
    return profile.perangkat_daerah_id if profile else None


def laporan_scope_for(user, queryset):
    """``queryset`` narrowed to the reports ``user`` may see."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if is_moderator(user):
        return queryset
    opd_id = officer_opd_id(user)
    if opd_id is None:
        return queryset.none()
    return queryset.filter(perangkat_daerah_id=opd_id)


def can_see_identity(user, laporan):
    """Moderators always; an OPD officer only when the reporter is not anonymous."""
    if is_moderator(user):
        return True
    return not laporan.anonim and officer_opd_id(user) == laporan.perangkat_daerah_id
