"""Sign-up, log-in and log-out, the trainee's account page and password change."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from .forms import (
    NICKNAME_TAKEN,
    NicknameLoginForm,
    ProfileForm,
    SignUpForm,
    TraineePasswordChangeForm,
    asked_questions,
)
from .selectors import staff_password_dates
from .services import trainee_profile_update, trainee_register
from .signup_throttle import signup_allowed, signup_failed, signup_succeeded

TOO_MANY_TRIES = _lazy("Too many tries. Please try again later.")
# A new trainee goes from sign-up (and the optional questions) to their course.
JUST_SIGNED_UP = "just_signed_up"


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:account")
    if request.method == "GET":
        return render(request, "accounts/signup.html", {"form": SignUpForm()})
    if not signup_allowed(request):
        # Nothing is looked up or changed, and the answer is the same whatever was typed.
        context = {"form": SignUpForm(), "refusal": TOO_MANY_TRIES}
        return render(request, "accounts/signup.html", context, status=429)
    form = SignUpForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            user = trainee_register(
                group=data["join_code"], nickname=data["nickname"], password=data["password1"]
            )
        except IntegrityError:  # the same nickname taken a moment ago
            form.add_error("nickname", NICKNAME_TAKEN)
        else:
            signup_succeeded(request)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! You have joined the group “%(group)s”.") % {"group": user.training_group},
            )
            # The optional questions come now that the organisation (which chooses them) is known.
            if asked_questions(user):
                request.session[JUST_SIGNED_UP] = True  # the profile then leads on to learning
                return redirect("accounts:profile")
            return redirect(settings.SIGNUP_REDIRECT_URL)
    signup_failed(request, code_works=form.group is not None)
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def account(request):
    member = request.user
    answers = [
        (ProfileForm(member).fields[name].label, getattr(member, f"get_{name}_display")())
        for name in asked_questions(member)
    ]
    return render(request, "accounts/account.html", {"member": member, "answers": answers})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The optional questions the trainee's organisation asks: right after sign-up, and
    from the account page to change or remove an answer."""
    if not asked_questions(request.user):
        return redirect("accounts:account")
    form = ProfileForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        trainee_profile_update(trainee=request.user, answers=form.cleaned_data)
        messages.success(request, _("Your answers have been saved."))
        if request.session.pop(JUST_SIGNED_UP, False):
            return redirect(settings.SIGNUP_REDIRECT_URL)
        return redirect("accounts:account")
    return render(request, "accounts/profile.html", {"form": form})


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = NicknameLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        if user.password_set_by_staff_at is not None:
            # Staff know this password and could have signed in with it first: say so at
            # every log-in, in its language, until the trainee chooses their own.
            dates = staff_password_dates(user) or [user.password_set_by_staff_at]
            days = [date_format(timezone.localtime(moment), "j E Y") for moment in dates]
            if len(days) == 1:
                notice = _(
                    "Staff of your organisation set a new password for you on %(date)s. If you "
                    "did not ask for it, talk to your trainer. Staff know this password too: "
                    "change it to one of your own."
                ) % {"date": days[0]}
            else:
                notice = _(
                    "Staff of your organisation set a new password for you on these days: "
                    "%(dates)s. If you did not ask for each of them, talk to your trainer. "
                    "Staff know this password too: change it to one of your own."
                ) % {"dates": ", ".join(days)}
            link = reverse("accounts:password_change")
            messages.warning(
                self.request, format_html('{} <a href="{}">{}</a>', notice, link, _("Change password"))
            )
        return response


class ForgetsCsrfCookie:
    """Log-out also deletes the CSRF cookie: on a shared phone or laptop nothing of the
    visit stays behind."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response.delete_cookie(
            settings.CSRF_COOKIE_NAME,
            path=settings.CSRF_COOKIE_PATH,
            domain=settings.CSRF_COOKIE_DOMAIN,
            samesite=settings.CSRF_COOKIE_SAMESITE,
        )
        return response


class SignOutView(ForgetsCsrfCookie, auth_views.LogoutView):
    """Ends the session (Django deletes its cookie) and the CSRF cookie, and removes what
    the site kept on the phone: the reading copy's worker and caches (elearn/offline/)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"storage"'
        return response

    def get_success_url(self):
        return f"/{get_language()}/"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = TraineePasswordChangeForm
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class AdminSignOutView(ForgetsCsrfCookie, WagtailLogoutView):
    """The Wagtail admin's log-out, which also deletes the CSRF cookie (elearn/urls.py
    serves it at Wagtail's address). Only a POST: Wagtail's own view dropped the session
    cookie on any GET, so a link on another site could sign staff out."""

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return super().dispatch(request, *args, **kwargs)
