"""Admin for Open311 API keys: the key is generated here and shown once."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from pengaduan.models import KunciOpen311
from pengaduan.open311.keys import assign_new_key


class KunciOpen311CreateView(CreateView):
    """Creates a key and shows it once; only its hash and prefix are stored."""

    key_created_template_name = "pengaduan/open311/kunci_dibuat.html"

    def save_instance(self):
        self.new_key = assign_new_key(self.form.instance)
        return super().save_instance()

    def save_action(self):
        # Rendered, not redirected: the key never goes through messages or the session.
        context = self.get_context_data(form=self.form)
        context.update(
            {
                "kunci": self.object,
                "api_key": self.new_key,
                "index_url": self.get_success_url(),
                "page_subtitle": self.object.nama,
            }
        )
        response = TemplateResponse(
            self.request, self.key_created_template_name, context
        )
        response["Cache-Control"] = "no-store"
        return response


class KunciOpen311ViewSet(ModelViewSet):
    """API keys of partner systems that POST reports through Open311."""

    model = KunciOpen311
    icon = "key"
    menu_label = _("Kunci API Open311")
    add_view_class = KunciOpen311CreateView
    list_display = ["nama", "awalan", "aktif", "dibuat_pada", "terakhir_dipakai"]
    list_filter = ["aktif"]
    search_fields = ["nama", "awalan"]
    search_backend_name = None
    form_fields = ["nama", "aktif"]
    copy_view_enabled = False
    inspect_view_enabled = False
