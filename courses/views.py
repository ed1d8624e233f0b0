from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from .models import ModulePage
from .reader_country import reader_country_set
from .selectors import learning_overview
from .services import ModuleNotFinishable, module_finish_by_button


@login_required
def my_learning(request):
    overview = learning_overview(request.user, Locale.get_active())
    return render(request, "courses/my_learning.html", overview)


@login_required
def start(request):
    """Where a new trainee lands after signing up: their course when there is one to
    take, else "My learning" (several courses, or none yet)."""
    courses = learning_overview(request.user, Locale.get_active())["courses"]
    if len(courses) == 1:
        return redirect(courses[0]["course"].get_url(request))
    return redirect("courses:my_learning")


@login_required
@require_POST
def module_finish(request, page_id):
    module = get_object_or_404(ModulePage.objects.live().public(), pk=page_id)
    try:
        outcome = module_finish_by_button(user=request.user, module=module)
    except ModuleNotFinishable:
        raise Http404 from None
    if outcome.certificate_id:  # the last module of a course whose final test was passed before
        return redirect("certificates:detail", pk=outcome.certificate_id)
    messages.success(request, _("Well done! This module is complete."))
    next_module = ModulePage.objects.sibling_of(module, inclusive=False).live().public()
    next_module = next_module.filter(path__gt=module.path).order_by("path").first()
    return redirect((next_module or module.get_parent()).get_url(request))


@require_POST
def reader_country(request):
    """An anonymous reader picks the country whose law and help they read (for the visit)."""
    if not reader_country_set(request, request.POST.get("country", "")):
        messages.error(request, _("Choose one of the countries in the list."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return redirect(target)
