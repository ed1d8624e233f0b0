"""Certificates in the admin: coordinators see their own organisation's (admins all),
filter them, export them as CSV, and revoke one with a reason (kept in the audit log)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from accounts.access import (
    REVOKE_CERTIFICATE,
    SEE_CERTIFICATES,
    refusals_to_admin_home,
    require,
    scope_to_organisation,
)
from accounts.erased import is_erased
from accounts.selectors import training_groups_visible_to
from common.exports import Section, csv_response, xlsx_response
from courses.access import courses_open_to
from courses.models import CoursePage

from .models import Certificate
from .services import certificate_revoke


def _visible_certificates(user):
    """Admins see every certificate; coordinators their own organisation's."""
    certificates = Certificate.objects.select_related("organisation", "training_group", "user")
    return scope_to_organisation(user, certificates)


def _nickname(certificate) -> str:
    """The trainee's nickname; none for an erased account, whose certificate names no one."""
    user = certificate.user
    return "" if user is None or is_erased(user) else user.nickname


def course_choices(user):
    """The courses `user` may take: one kept for another organisation is not named to them."""
    courses = CoursePage.objects.filter(locale__language_code=get_language() or settings.LANGUAGE_CODE)
    courses = courses_open_to(user, courses)
    return [("", gettext_lazy("All courses"))] + [(str(c.translation_key), c.title) for c in courses]


class CertificateFilterForm(forms.Form):
    issued_from = forms.DateField(
        label=gettext_lazy("Issued from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    issued_until = forms.DateField(
        label=gettext_lazy("Issued until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    group = forms.ModelChoiceField(
        label=gettext_lazy("Training group"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("All groups"),
    )
    course = forms.ChoiceField(label=gettext_lazy("Course"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = training_groups_visible_to(user)
        self.fields["course"].choices = course_choices(user)

    def clean(self):
        data = super().clean()
        start, end = data.get("issued_from"), data.get("issued_until")
        if start and end and start > end:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data

    def apply(self, certificates):
        data = self.cleaned_data
        if data.get("issued_from"):
            certificates = certificates.filter(issued_at__date__gte=data["issued_from"])
        if data.get("issued_until"):
            certificates = certificates.filter(issued_at__date__lte=data["issued_until"])
        if data.get("group"):
            certificates = certificates.filter(training_group=data["group"])
        if data.get("course"):
            certificates = certificates.filter(course_key=data["course"])
        return certificates


def _filtered(request):
    require(request.user, SEE_CERTIFICATES)
    form = CertificateFilterForm(request.GET or None, user=request.user)
    certificates = _visible_certificates(request.user)
    if form.is_bound and form.is_valid():
        certificates = form.apply(certificates)
    elif form.is_bound:
        certificates = certificates.none()
    return form, certificates


def _course_titles(certificates) -> dict:
    keys = {certificate.course_key for certificate in certificates}
    pages = CoursePage.objects.filter(translation_key__in=keys).select_related("locale")
    titles = {}
    for page in pages:  # the page in the admin's language wins over another translation
        if page.translation_key not in titles or page.locale.language_code == get_language():
            titles[page.translation_key] = page.title
    return titles


@refusals_to_admin_home
def certificate_list(request):
    form, certificates = _filtered(request)
    page = Paginator(certificates, 50).get_page(request.GET.get("p"))
    titles = _course_titles(page.object_list)
    rows = [(certificate, titles.get(certificate.course_key, "—")) for certificate in page.object_list]
    for certificate, _title in rows:
        if is_erased(certificate.user):
            certificate.user = None  # shown as "—", on this page only: nothing is saved
    query = request.GET.copy()
    query.pop("p", None)
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return TemplateResponse(request, "certificates/admin/list.html", context)


CSV_COLUMNS = [
    (gettext_lazy("Code"), lambda c, title: c.code),
    (gettext_lazy("Issued"), lambda c, title: timezone.localtime(c.issued_at).strftime("%Y-%m-%d")),
    (gettext_lazy("Course"), lambda c, title: title),
    (gettext_lazy("Organisation"), lambda c, title: str(c.organisation or "")),
    (gettext_lazy("Training group"), lambda c, title: str(c.training_group or "")),
    (gettext_lazy("Nickname"), lambda c, title: _nickname(c)),
    (gettext_lazy("Final test, %"), lambda c, title: c.final_score),
    (gettext_lazy("Language"), lambda c, title: c.language),
    (gettext_lazy("Status"), lambda c, title: c.get_status_display()),
    (gettext_lazy("Reason for revoking"), lambda c, title: c.revoked_reason),
]


@refusals_to_admin_home
def certificate_export(request, fmt):
    """The filtered list as CSV (UTF-8 with a byte-order mark, so Excel shows Cyrillic as
    it is) or XLSX."""
    _form, certificates = _filtered(request)
    certificates = list(certificates.select_related("user"))
    titles = _course_titles(certificates)
    rows = [
        [value(certificate, titles.get(certificate.course_key, "")) for _heading, value in CSV_COLUMNS]
        for certificate in certificates
    ]
    sections = [Section(_("Certificates"), [str(heading) for heading, _value in CSV_COLUMNS], rows)]
    if fmt == "xlsx":
        return xlsx_response([], sections, "certificates")
    return csv_response([], sections, "certificates")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )


@refusals_to_admin_home
def certificate_revoke_view(request, pk):
    require(request.user, REVOKE_CERTIFICATE)
    certificate = get_object_or_404(_visible_certificates(request.user), pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and certificate.is_valid:
        certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"], by=request.user)
        messages.success(request, _("Certificate %(code)s is revoked.") % {"code": certificate.code})
        return redirect("certificates_admin:list")
    title = _course_titles([certificate]).get(certificate.course_key, "—")
    context = {"certificate": certificate, "course_title": title, "form": form}
    return TemplateResponse(request, "certificates/admin/revoke.html", context)
