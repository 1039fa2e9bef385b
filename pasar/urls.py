"""Owner accounts and the owner dashboard (public site, not the Wagtail admin)."""

from django.urls import path

from pasar import account_views, dashboard_views

app_name = "pasar"

urlpatterns = [
    # Accounts.
    path("daftar/", account_views.signup, name="signup"),
    path("daftar/terkirim/", account_views.signup_done, name="signup_done"),
    path(
        "konfirmasi/<uidb64>/<token>/",
        account_views.confirm_email,
        name="confirm_email",
    ),
    path(
        "konfirmasi-ulang/",
        account_views.resend_confirmation,
        name="resend_confirmation",
    ),
    path("masuk/", account_views.OwnerLoginView.as_view(), name="login"),
    path("keluar/", account_views.OwnerLogoutView.as_view(), name="logout"),
    path(
        "sandi/lupa/",
        account_views.OwnerPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "sandi/lupa/terkirim/",
        account_views.OwnerPasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "sandi/atur/<uidb64>/<token>/",
        account_views.OwnerPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "sandi/selesai/",
        account_views.OwnerPasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # Dashboard.
    path("", dashboard_views.dashboard, name="dashboard"),
    path("profil/baru/", dashboard_views.profile_create, name="profile_create"),
    path("profil/", dashboard_views.profile_edit, name="profile_edit"),
    path("produk/baru/", dashboard_views.product_create, name="product_create"),
    path("produk/<int:pk>/", dashboard_views.product_edit, name="product_edit"),
    path(
        "produk/<int:pk>/kirim/",
        dashboard_views.product_submit,
        name="product_submit",
    ),
]
