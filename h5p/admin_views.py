"""The "Interactive content" library in the admin: upload an H5P package, see what is
there; and the registry of H5P libraries, where a site administrator installs or refuses
library code that packages bring (h5p/libraries.py)."""

from django import forms
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts.access import UPLOAD_INTERACTIVE_CONTENT, Refused, refusals_to_admin_home, require
from common.languages import language_choices

from .libraries import INSTALL_LIBRARIES, library_install, library_refuse
from .lifecycle import PackageInUse, may_manage, package_delete, package_rename, package_replace, pages_using
from .models import H5PContent, H5PLibrary
from .services import package_import
from .validation import PackageRefused

NOT_YOURS = gettext_lazy("You may change only your own organisation's packages.")


class UploadForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    language = forms.ChoiceField(label=gettext_lazy("language"), choices=language_choices)
    package = forms.FileField(
        label=gettext_lazy("H5P package (.h5p)"),
        help_text=gettext_lazy("Export it from Lumi or an H5P site with its libraries included."),
    )


def _announce(request, content):
    if not content.awaiting_approval:
        messages.success(request, _("“%(title)s” is ready to use.") % {"title": content.title})
        return
    waiting = ", ".join(
        f"{library} ({library.version})" for library in content.libraries.exclude(status=H5PLibrary.INSTALLED)
    )
    messages.warning(
        request,
        _(
            "“%(title)s” is stored, but it brings library code this site has not installed: %(libraries)s. "
            "A site administrator must approve it; until then trainees do not see the activity."
        )
        % {"title": content.title, "libraries": waiting},
    )


@refusals_to_admin_home
def library(request):
    require(request.user, UPLOAD_INTERACTIVE_CONTENT)
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            content = package_import(
                file=form.cleaned_data["package"],
                title=form.cleaned_data["title"],
                language=form.cleaned_data["language"],
                user=request.user,
            )
        except PackageRefused as refused:
            form.add_error("package", refused.message)
            status = 400
        else:
            _announce(request, content)
            return redirect("h5p_admin:library")
    contents = H5PContent.objects.select_related("uploaded_by__organisation").order_by("-created_at")
    context = {"form": form, "contents": contents}
    return TemplateResponse(request, "h5p/admin/library.html", context, status=status)


@refusals_to_admin_home
def registry(request):
    """Every library version the site holds, its status and the packages that play it."""
    require(request.user, INSTALL_LIBRARIES)
    libraries = (
        H5PLibrary.objects.select_related("uploaded_by__organisation", "reviewed_by")
        .prefetch_related(Prefetch("contents", queryset=H5PContent.objects.order_by("title")))
        .order_by("machine_name", "-major_version", "-minor_version", "-patch_version", "-created_at")
    )
    context = {
        "libraries": libraries,
        "pending": [library for library in libraries if library.status == H5PLibrary.PENDING],
    }
    return TemplateResponse(request, "h5p/admin/registry.html", context)


@require_POST
@refusals_to_admin_home
def review(request, pk, decision):
    require(request.user, INSTALL_LIBRARIES)
    library = get_object_or_404(H5PLibrary, pk=pk)
    if library.status != H5PLibrary.PENDING:
        messages.error(request, _("This library version has already been decided on."))
        return redirect("h5p_admin:registry")
    names = {"library": str(library), "version": library.version}
    if decision == "install":
        library_install(library=library, user=request.user)
        messages.success(request, _("%(library)s %(version)s is installed.") % names)
    else:
        library_refuse(library=library, user=request.user)
        messages.success(request, _("%(library)s %(version)s is refused.") % names)
    return redirect("h5p_admin:registry")


class RenameForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)


class ReplaceForm(forms.Form):
    package = forms.FileField(
        label=gettext_lazy("New version (.h5p)"),
        help_text=gettext_lazy("Every module that plays this package will play the new version."),
    )


def _page_names(pages) -> str:
    return "; ".join(f"{page.get_admin_display_title()} ({page.locale.get_display_name()})" for page in pages)


@refusals_to_admin_home
def package(request, pk):
    """One package: rename it, replace it with a new version, or delete it when unused."""
    require(request.user, UPLOAD_INTERACTIVE_CONTENT)
    content = get_object_or_404(H5PContent.objects.select_related("uploaded_by__organisation"), pk=pk)
    if not may_manage(request.user, content):
        raise Refused(NOT_YOURS)
    action = request.POST.get("action") if request.method == "POST" else None
    rename = RenameForm(request.POST if action == "rename" else None, initial={"title": content.title})
    replace = ReplaceForm(request.POST if action == "replace" else None, request.FILES or None)
    status = 200
    if action == "rename" and rename.is_valid():
        package_rename(content=content, title=rename.cleaned_data["title"])
        messages.success(request, _("The package is now called “%(title)s”.") % {"title": content.title})
        return redirect("h5p_admin:package", pk=content.pk)
    if action == "replace" and replace.is_valid():
        try:
            package_replace(content=content, file=replace.cleaned_data["package"], user=request.user)
        except PackageRefused as refused:
            replace.add_error("package", refused.message)
        else:
            messages.success(
                request,
                _("“%(title)s” is replaced: modules play the new version.") % {"title": content.title},
            )
            return redirect("h5p_admin:package", pk=content.pk)
    if action == "delete":
        try:
            package_delete(content=content)
        except PackageInUse as used:
            messages.error(
                request,
                ngettext(
                    "“%(title)s” is used in %(count)s module: %(pages)s. Remove it from there first.",
                    "“%(title)s” is used in %(count)s modules: %(pages)s. Remove it from there first.",
                    len(used.pages),
                )
                % {"title": content.title, "count": len(used.pages), "pages": _page_names(used.pages)},
            )
        else:
            messages.success(request, _("“%(title)s” is deleted.") % {"title": content.title})
            return redirect("h5p_admin:library")
    if action:
        status = 400
    context = {"content": content, "rename": rename, "replace": replace, "pages": pages_using(content)}
    return TemplateResponse(request, "h5p/admin/package.html", context, status=status)
