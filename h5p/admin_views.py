"""The "Interactive content" library in the admin: upload an H5P package, see what is there."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import UPLOAD_INTERACTIVE_CONTENT, refusals_to_admin_home, require
from common.languages import language_choices

from .models import H5PContent
from .services import package_import
from .validation import PackageRefused


class UploadForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    language = forms.ChoiceField(label=gettext_lazy("language"), choices=language_choices)
    package = forms.FileField(
        label=gettext_lazy("H5P package (.h5p)"),
        help_text=gettext_lazy("Export it from Lumi or an H5P site with its libraries included."),
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
            messages.success(request, _("“%(title)s” is ready to use.") % {"title": content.title})
            return redirect("h5p_admin:library")
    context = {"form": form, "contents": H5PContent.objects.order_by("-created_at")}
    return TemplateResponse(request, "h5p/admin/library.html", context, status=status)
