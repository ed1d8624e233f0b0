import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm, NicknameLoginForm, SignUpForm, TraineePasswordChangeForm
from .privacy import account_delete, personal_data
from .services import trainee_register


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:account")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = trainee_register(
                group=data["join_code"],
                nickname=data["nickname"],
                password=data["password1"],
                age_band=data["age_band"],
                gender=data["gender"],
                work_setting=data["work_setting"],
            )
        except IntegrityError:  # the same nickname taken a moment ago
            form.add_error("nickname", _("This nickname is taken. Please choose another one."))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! You have joined the group “%(group)s”.") % {"group": user.training_group},
            )
            return redirect("accounts:account")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def account(request):
    return render(request, "accounts/account.html", {"member": request.user})


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = NicknameLoginForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    def get_success_url(self):
        return f"/{get_language()}/"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = TraineePasswordChangeForm
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


@login_required
def my_data(request):
    """Everything the platform keeps about the signed-in trainee, as a JSON file."""
    data = json.dumps(personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


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
