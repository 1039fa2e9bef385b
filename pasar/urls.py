"""Owner accounts and the owner dashboard (public site, not the Wagtail admin)."""

app_name = "pasar"

urlpatterns = []
