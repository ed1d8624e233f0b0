
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import NicknameLoginForm, SignUpForm, TraineePasswordChangeForm
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
