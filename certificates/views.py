"""Trainees' certificates (list, congratulation page, PDF download) and the public
verification page."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from common.ratelimit import over_limit

from .codes import normalize
from .forms import DownloadForm, VerifyForm
from .models import Certificate
from .pdf import certificate_pdf
from .pdf_cache import cached_pdf, forget_pdfs, keep_pdf
from .services import certificate_keep_name


@login_required
def my_certificates(request):
    certificates = Certificate.objects.filter(user=request.user)
    language = request.LANGUAGE_CODE
    items = [(certificate, certificate.course_page(language)) for certificate in certificates]
    return render(request, "certificates/my_certificates.html", {"items": items})


def _own(request, pk) -> Certificate:
    return get_object_or_404(Certificate.objects.select_related("organisation"), pk=pk, user=request.user)


@login_required
def certificate_detail(request, pk):
    """The congratulation page: what the certificate says, and its download form."""
    certificate = _own(request, pk)
    form = DownloadForm(
        initial={
            "language": request.LANGUAGE_CODE,
            "name": certificate.kept_name,
            "keep_name": bool(certificate.kept_name),
            "show_name": certificate.show_name,
        }
    )
    return _detail(request, certificate, form)


def _detail(request, certificate, form, status=200):
    context = {
        "certificate": certificate,
        "course": certificate.course_page(request.LANGUAGE_CODE),
        "form": form,
        "verify_url": _verify_url(request, certificate, request.LANGUAGE_CODE),
    }
    return render(request, "certificates/detail.html", context, status=status)


def _verify_url(request, certificate, language):
    with override(language):
        return request.build_absolute_uri(reverse("certificates:verify_code", args=[certificate.code]))


@login_required
@require_POST
def certificate_download(request, pk):
    certificate = _own(request, pk)
    if not certificate.is_valid:
        raise Http404
    form = DownloadForm(request.POST)
    if not form.is_valid():
        return _detail(request, certificate, form, status=400)
    name, language = form.cleaned_data["name"], form.cleaned_data["language"]
    kept_before = certificate.kept_name
    if form.cleaned_data["keep_name"]:
        certificate_keep_name(certificate=certificate, name=name, show=form.cleaned_data["show_name"])
    elif certificate.kept_name and not name:
        certificate_keep_name(certificate=certificate, name="", show=False)  # unticked: forget it
    if certificate.kept_name != kept_before:
        forget_pdfs(certificate)  # no cached copy keeps a name the trainee changed or took back
    printed = name or certificate.kept_name or request.user.nickname
    response = HttpResponse(_pdf(request, certificate, printed, language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _pdf(request, certificate, printed, language) -> bytes:
    """Made on demand; the one with the kept name or nickname is cached (a typed name,
    printed once, is not kept anywhere, not even in the cache)."""
    cacheable = printed in (certificate.kept_name, request.user.nickname)
    if cacheable and (cached := cached_pdf(certificate, language=language, printed=printed)):
        return cached
    course = certificate.course_page(language)
    organisation = certificate.organisation
    if organisation is not None:
        organisation.set_current_language(language)
    data = certificate_pdf(
        name=printed,
        organisation=organisation.safe_translation_getter("name", any_language=True) if organisation else "",
        course_title=course.title,
        hours=course.estimated_hours,
        issued_at=timezone.localtime(certificate.issued_at),
        score=certificate.final_score if course.show_score_on_certificate else None,
        code=certificate.code,
        verify_url=_verify_url(request, certificate, language),
        language=language,
    )
    if cacheable:
        keep_pdf(certificate, language=language, printed=printed, data=data)
    return data


@require_GET
def verify(request):
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        code = normalize(form.cleaned_data["code"])
        if code:
            return redirect("certificates:verify_code", code=code)
        return _not_found(request, form.cleaned_data["code"])
    return render(request, "certificates/verify.html", {"form": form})


def _over_verify_limit(request) -> bool:
    limit, window = settings.CERTIFICATE_VERIFY_LIMIT
    return over_limit(request, "certificate-verify", limit=limit, window=window)


def _not_found(request, typed):
    """The same plain answer for a wrong code, an unknown one or too many tries' worth."""
    if _over_verify_limit(request):
        return render(request, "certificates/verify_limited.html", status=429)
    context = {"form": VerifyForm(initial={"code": typed[:40]})}
    return render(request, "certificates/not_found.html", context, status=404)


@never_cache
@require_GET
def verify_code(request, code):
    canonical = normalize(code)
    certificate = Certificate.objects.filter(code=canonical).select_related("organisation").first()
    if certificate is None:
        return _not_found(request, code)
    if _over_verify_limit(request):
        return render(request, "certificates/verify_limited.html", status=429)
    if canonical != code:
        return redirect("certificates:verify_code", code=canonical)
    context = {"certificate": certificate, "course": certificate.course_page(request.LANGUAGE_CODE)}
    return render(request, "certificates/verified.html", context)
