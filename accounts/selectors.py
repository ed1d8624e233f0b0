"""Reads that depend on who is asking, scoped by accounts/access.py."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import ModelLogEntry

from .access import SEE_TRAINEES, may, scope_to_organisation
from .erased import without_erased
from .models import TrainingGroup, User

# The admin's history entry for a password set by staff (accounts/wagtail_hooks.py).
STAFF_SET_PASSWORD = "accounts.staff_set_password"


def training_groups_visible_to(user: User) -> QuerySet[TrainingGroup]:
    return scope_to_organisation(user, TrainingGroup.objects.select_related("organisation", "trainer"))


def trainees_visible_to(user: User) -> QuerySet[User]:
    """Trainees are users in a training group; those who may see trainees see their
    organisation's (admins everyone's). An erased account is no one: never listed."""
    trainees = User.objects.filter(training_group__isnull=False).select_related("training_group")
    trainees = without_erased(trainees)
    if not may(user, SEE_TRAINEES):
        return trainees.none()
    return scope_to_organisation(user, trainees)


def staff_password_dates(user: User, days: int = 90) -> list:
    """When staff set this user's password in the last `days`, oldest first, from the site
    history, which staff cannot change. Staff who set a password, signed in with it and
    "chose their own" for the trainee cleared the log-in notice; the next reset shows both."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        action=STAFF_SET_PASSWORD,
        timestamp__gte=timezone.now() - timedelta(days=days),
    )
    return list(entries.order_by("timestamp").values_list("timestamp", flat=True))
