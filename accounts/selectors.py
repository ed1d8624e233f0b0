"""Reads that depend on who is asking, scoped by accounts/access.py."""

from django.db.models import QuerySet

from .access import SEE_TRAINEES, may, scope_to_organisation
from .erased import without_erased
from .models import TrainingGroup, User


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
