"""Choosing an uploaded H5P package from a module's H5P block (Wagtail's chooser modal)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import H5PContent


class LanguageAndSizeColumns:
    @property
    def columns(self):
        return super().columns + [
            Column("language", label=_("language"), accessor="get_language_display"),
            Column("size", label=_("size"), accessor="size_label"),
        ]

    def get_object_list(self):
        return H5PContent.objects.order_by("-created_at")


class ChooseView(LanguageAndSizeColumns, chooser_views.ChooseView):
    pass


class ChooseResultsView(LanguageAndSizeColumns, chooser_views.ChooseResultsView):
    pass


class H5PContentChooserViewSet(ChooserViewSet):
    model = H5PContent
    icon = "media"
    choose_one_text = _("Choose interactive content")
    choose_another_text = _("Choose other interactive content")
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView


h5p_chooser_viewset = H5PContentChooserViewSet("h5p_chooser")
