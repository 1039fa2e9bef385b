from django.utils.functional import SimpleLazyObject


def serta_merta(request):
    """The active serta-merta announcements, for the banner on every public page.

    Lazy, so pages that do not render the banner (the admin, API) make no query.
    """

    def banners():
        from ppid.models import active_announcements

        return list(active_announcements()[:3])

    return {"serta_merta_banners": SimpleLazyObject(banners)}
