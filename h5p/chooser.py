"""Choosing an uploaded H5P package from a module's H5P block (Wagtail's chooser modal):
what it is (content type), in which language, when and by which organisation it was
uploaded, and a search by title or content type; two uploads with one title can be told
apart."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import H5PContent


def content_type(content) -> str:
    """ "MultiChoice" for H5P.MultiChoice: the name trainers know from H5P's hub."""
    name = content.main_library.removeprefix("H5P.")
    # Chosen meanwhile, it shows trainees nothing until an administrator approves its code.
    return f"{name} ({gettext('waiting for approval')})" if content.awaiting_approval else name


def organisation(content) -> str:
    uploader = content.uploaded_by
    return str(uploader.organisation) if uploader and uploader.organisation_id else "—"


class PackageSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"), widget=forms.TextInput(attrs={"placeholder": _("Search")}), required=False
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip().casefold()
        if query:
            # In Python: SQLite's LIKE folds the case of Latin letters only, not Cyrillic.
            rows = objects.values_list("pk", "title", "main_library")
            objects = objects.filter(
                pk__in=[pk for pk, title, library in rows if query in f"{title} {library}".casefold()]
            )
            self.is_searching = True
            self.search_query = query
        return objects


class PackageColumns:
    filter_form_class = PackageSearchForm

    @property
    def columns(self):
        return super().columns + [
            Column("content_type", label=_("content type"), accessor=content_type),
            Column("language", label=_("language"), accessor="get_language_display"),
            DateColumn("created_at", label=_("uploaded")),
            Column("organisation", label=_("organisation"), accessor=organisation),
            Column("size", label=_("size"), accessor="size_label"),
        ]

    def get_object_list(self):
        return H5PContent.objects.select_related("uploaded_by__organisation").order_by("-created_at")


class ChooseView(PackageColumns, chooser_views.ChooseView):
    pass


class ChooseResultsView(PackageColumns, chooser_views.ChooseResultsView):
    pass


class H5PContentChooserViewSet(ChooserViewSet):
    model = H5PContent
    icon = "media"
    choose_one_text = _("Choose interactive content")
    choose_another_text = _("Choose other interactive content")
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView


h5p_chooser_viewset = H5PContentChooserViewSet("h5p_chooser")
