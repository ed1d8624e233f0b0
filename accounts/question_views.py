"""Admin → Questions for trainees: which optional questions (age, gender, work setting) an
organisation's trainees are asked. A coordinator chooses for their own organisation only
(accounts/access.py); an admin for any. Switching a question off erases the answers
already given, so the screen asks once more, saying so, before it does."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .access import CHOOSE_QUESTIONS, refusals_to_admin_home, require, scope_to_organisation
from .forms import QUESTION_LABELS, OrganisationQuestionsForm
from .models import Organisation
from .services import organisation_questions_set


def _organisations(user):
    return scope_to_organisation(user, Organisation.objects.all(), field="pk")


@refusals_to_admin_home
def question_list(request):
    require(request.user, CHOOSE_QUESTIONS)
    organisations = list(_organisations(request.user))
    if len(organisations) == 1:
        return redirect("accounts_questions:edit", pk=organisations[0].pk)
    return TemplateResponse(request, "accounts/admin/question_list.html", {"organisations": organisations})


@refusals_to_admin_home
def question_edit(request, pk):
    require(request.user, CHOOSE_QUESTIONS)
    organisation = get_object_or_404(_organisations(request.user), pk=pk)
    asked_now = organisation.asked_questions()
    form = OrganisationQuestionsForm(request.POST or None, initial={"asked": asked_now})
    context = {"organisation": organisation, "form": form}
    if request.method == "POST" and form.is_valid():
        asked = set(form.cleaned_data["asked"])
        switching_off = [name for name in asked_now if name not in asked]
        if switching_off and request.POST.get("confirm") != "erase":
            # Nothing changes yet: the coordinator sees what will be erased and confirms.
            context["switching_off"] = [QUESTION_LABELS[name] for name in switching_off]
            context["asked"] = sorted(asked)
            return TemplateResponse(request, "accounts/admin/question_confirm.html", context)
        organisation_questions_set(organisation=organisation, asked=asked)
        if switching_off:
            messages.success(
                request,
                _(
                    "Saved. The answers your trainees gave to the questions you switched off "
                    "have been erased."
                ),
            )
        else:
            messages.success(request, _("Saved. New and current trainees are asked only these questions."))
        return redirect("accounts_questions:edit", pk=organisation.pk)
    return TemplateResponse(request, "accounts/admin/question_edit.html", context)
