"""Reads that depend on who is asking: what a trainer, coordinator or admin may see."""

from django.db.models import QuerySet

from .models import COORDINATORS_GROUP, TRAINERS_GROUP, TrainingGroup, User


def is_staff_role(user: User) -> bool:
    """Trainers, coordinators and admins: the people who look after trainees."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[TRAINERS_GROUP, COORDINATORS_GROUP]).exists()


def training_groups_visible_to(user: User) -> QuerySet[TrainingGroup]:
    groups = TrainingGroup.objects.select_related("organisation", "trainer")
    if user.is_superuser:
        return groups
    if user.organisation_id is None:
        return groups.none()
    return groups.filter(organisation_id=user.organisation_id)


def trainees_visible_to(user: User) -> QuerySet[User]:
    """Trainees are users in a training group; staff see those of their organisation."""
    trainees = User.objects.filter(training_group__isnull=False).select_related("training_group")
    if user.is_superuser:
        return trainees
    if not is_staff_role(user) or user.organisation_id is None:
        return trainees.none()
    return trainees.filter(organisation_id=user.organisation_id)
