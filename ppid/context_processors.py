from django.utils.functional import SimpleLazyObject


def serta_merta(request):
    """The active serta-merta announcements, for the banner on every public page.

    Lazy, so pages that do not render the banner (the admin, API) make no query.
    """

    def banners():
        from ppid.models.pengumuman import BANNER_COUNT, current_announcements

        return current_announcements()[:BANNER_COUNT]

    return {"serta_merta_banners": SimpleLazyObject(banners)}
