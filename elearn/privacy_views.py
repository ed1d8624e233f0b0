"""A trainee's own data: download a copy, delete the account. They live here, above every
app, because the data they cover is every app's."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.forms import DeleteAccountForm

from .my_data import as_json, made_now, personal_data
from .privacy import account_delete


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_data(request):
    """Everything the platform keeps about the signed-in trainee, as a JSON file."""
    data = json.dumps(as_json(personal_data(request.user)), ensure_ascii=False, indent=2)
    return _download(data, "application/json", "my-data.json")


@login_required
def my_data_page(request):
    """The same, as a page to read or print: one file with nothing to load, so it opens
    offline in any browser."""
    context = {"sections": personal_data(request.user), "made": made_now()}
    page = render_to_string("privacy/my_data.html", context, request)
    return _download(page, "text/html", "my-data.html")


@login_required
def delete_account(request):
    if request.user.training_group_id is None:  # staff accounts are removed by an admin
        raise Http404
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user)
        messages.success(request, _("Your account is deleted. Thank you for learning with us."))
        return redirect(f"/{get_language()}/")
    return render(request, "accounts/delete_account.html", {"form": form}, status=400 if form.errors else 200)
