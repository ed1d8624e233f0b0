"""Who may see and do what, in which organisation: the one place that answers it for
views, admin viewsets, reports and exports (docs/access.md).

Every check is a Django permission (`user.has_perm`), never a group name: the Trainers
and Coordinators groups only hand permissions out (accounts/migrations). Admins
(superusers) hold every permission and see every organisation. Everyone else who uses
the admin sees only their own organisation's rows.

accounts is the lowest app, so it knows other apps' permissions only by name and takes
their querysets as arguments; it imports nothing above it."""

from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Using the Wagtail admin at all: what makes someone staff here (trainees lack it).
ADMIN_ACCESS = "wagtailadmin.access_admin"
# Who may be chosen as a training group's trainer.
LEAD_TRAINING_GROUP = "accounts.lead_traininggroup"

OTHER_ORGANISATION = _("You may only see your own organisation's data.")
NO_ORGANISATION = _("Your account is not linked to an organisation yet. Ask an administrator to link it.")


@dataclass(frozen=True)
class Action:
    """Something a person may be allowed to do: the permission it takes, and the truthful
    answer for someone who lacks it. A scoped action is about one organisation's data."""

    permission: str  # "app_label.codename"
    refusal: Promise
    scoped: bool = False


SEE_TRAINEES = Action("accounts.view_trainees", _("You do not have permission to see trainees."), scoped=True)
RESET_TRAINEE_PASSWORD = Action(
    "accounts.reset_trainee_password",
    _("You do not have permission to set trainees' passwords."),
    scoped=True,
)
# Unlocking after too many wrong passwords goes with setting a new one: same permission.
UNLOCK_TRAINEE = Action(
    "accounts.reset_trainee_password",
    _("You do not have permission to unlock trainees' accounts."),
    scoped=True,
)
SEE_REPORTS = Action("accounts.view_reports", _("You do not have permission to see reports."), scoped=True)
CHOOSE_QUESTIONS = Action(
    "accounts.choose_questions",
    _("You do not have permission to choose which questions trainees are asked."),
    scoped=True,
)
# Recovery for staff who lost the phone with their authenticator app (accounts/two_factor/).
RESET_SECOND_FACTOR = Action(
    "accounts.reset_second_factor",
    _("You do not have permission to switch off staff members' two-factor authentication."),
    scoped=True,
)
SEE_CERTIFICATES = Action(
    "certificates.view_certificate", _("You do not have permission to see certificates."), scoped=True
)
REVOKE_CERTIFICATE = Action(
    "certificates.revoke_certificate",
    _("You do not have permission to revoke certificates."),
    scoped=True,
)
EDIT_TESTS = Action("quizzes.change_quiz", _("You do not have permission to edit tests."))
GRANT_ATTEMPTS = Action(
    "quizzes.add_attemptgrant",
    _("You do not have permission to give trainees extra attempts."),
    scoped=True,
)
UPLOAD_INTERACTIVE_CONTENT = Action(
    "h5p.add_h5pcontent", _("You do not have permission to upload interactive content.")
)


class Refused(PermissionDenied):
    """A refusal that says why, in the user's language."""

    def __init__(self, reason: Promise):
        super().__init__(reason)
        self.reason = reason


def sees_every_organisation(user) -> bool:
    """Admins: every organisation's data, and the choice between them."""
    return user.is_authenticated and user.is_active and user.is_superuser


def refusal(user, action: Action) -> Promise | None:
    """Why `user` may not do `action`, or None when they may."""
    if not user.is_authenticated or not user.has_perm(action.permission):
        return action.refusal
    if action.scoped and not sees_every_organisation(user) and user.organisation_id is None:
        # Without an organisation, "their own organisation's data" is nothing at all.
        return NO_ORGANISATION
    return None


def may(user, action: Action) -> bool:
    return refusal(user, action) is None


def require(user, action: Action) -> None:
    """Raise Refused, saying why, unless `user` may do `action`."""
    reason = refusal(user, action)
    if reason is not None:
        raise Refused(reason)


def require_organisation(user, organisation_id: int | None) -> None:
    """Refuse someone asking for another organisation's data (admins may ask for any)."""
    if not sees_every_organisation(user) and organisation_id != user.organisation_id:
        raise Refused(OTHER_ORGANISATION)


def scope_to_organisation(user, queryset: QuerySet, *, field: str = "organisation") -> QuerySet:
    """`queryset` held to what `user` may see: admins all of it; staff with an organisation
    only the rows whose `field` is theirs ("pk" for organisations themselves); everybody
    else nothing. What they may do with those rows is a separate `require`."""
    if sees_every_organisation(user):
        return queryset
    if not user.is_authenticated or user.organisation_id is None or not user.has_perm(ADMIN_ACCESS):
        return queryset.none()
    return queryset.filter(**{field: user.organisation_id})


def group_trainers() -> QuerySet:
    """Everyone who may be chosen as a training group's trainer (admins too), in every
    organisation: scope it for the person choosing."""
    return ModelBackend().with_perm(LEAD_TRAINING_GROUP)


def refusals_as_403(view):
    """A plain 403 with the reason, not the admin's redirect: for reports and exports,
    where the answer must say nothing about what exists beyond the refusal."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return HttpResponseForbidden(str(refused.reason))

    return wrapped


def refusals_to_admin_home(view):
    """The Wagtail admin's own answer to a refusal (back to the dashboard with a message),
    but with our reason instead of its generic one."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                raise
            # In the admin's language now: the message is stored after Wagtail's override ends.
            messages.error(request, str(refused.reason))
            return redirect("wagtailadmin_home")

    return wrapped
