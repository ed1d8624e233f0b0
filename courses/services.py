"""Writes to progress. Keyed on the module's and course's translation_key: progress made in
Ukrainian counts in Russian and the other way round.

What completes a module or a course is decided by the learning pipeline
(certificates/pipeline.py) with the rules in courses/completion.py; these functions only
record it."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from common.learning_events import Outcome, report_fact

from .completion import finishable_by_button
from .models import CourseCompletion, ModulePage, ModuleProgress
from .signals import module_finished_by_trainee


class ModuleNotFinishable(Exception):
    """The module has required activities; passing them completes it, not a button."""


# A module page's GET writes when the module was last opened at most this often: reading
# writes nothing most of the time (the session slides the same way, elearn/sessions.py).
OPEN_RECORD_EVERY = timedelta(minutes=5)
UNKNOWN = object()


def module_open(*, user, module: ModulePage, last_opened_at=UNKNOWN) -> ModuleProgress | None:
    """The only write a module page's GET makes: when it was first and last opened. With
    `last_opened_at` already read (None: never opened), nothing is written when it is recent."""
    now = timezone.now()
    recent = last_opened_at not in (UNKNOWN, None) and now - last_opened_at < OPEN_RECORD_EVERY
    if recent:
        return None
    return _module_open_record(user=user, module=module, now=now)


@transaction.atomic
def _module_open_record(*, user, module: ModulePage, now) -> ModuleProgress:
    try:
        with transaction.atomic():
            progress, created = ModuleProgress.objects.get_or_create(
                user=user,
                module_key=module.translation_key,
                defaults={"first_opened_at": now, "last_opened_at": now},
            )
    except IntegrityError:  # the same trainee opened it twice at the same moment
        progress, created = ModuleProgress.objects.get(user=user, module_key=module.translation_key), False
    if not created:
        ModuleProgress.objects.filter(pk=progress.pk).update(last_opened_at=now)
    return progress


def module_complete_record(*, user, module_key) -> bool:
    """Record that the trainee completed the module (once: a later call keeps the first
    completion time). True when it was completed just now."""
    now = timezone.now()
    updated = ModuleProgress.objects.filter(
        user=user, module_key=module_key, completed_at__isnull=True
    ).update(completed_at=now)
    if updated:
        return True
    _progress, created = ModuleProgress.objects.get_or_create(
        user=user,
        module_key=module_key,
        defaults={"first_opened_at": now, "last_opened_at": now, "completed_at": now},
    )
    return created


def course_complete_record(*, user, course_key) -> None:
    """Record that the trainee completed the course (once: a second record is ignored)."""
    CourseCompletion.objects.bulk_create(
        [CourseCompletion(user=user, course_key=course_key, completed_at=timezone.now())],
        ignore_conflicts=True,
    )


@transaction.atomic
def module_finish_by_button(*, user, module: ModulePage) -> Outcome:
    """The trainee pressed "I have finished this module" on a module without required
    activities: the learning pipeline records it and answers what it completed."""
    if not finishable_by_button(
        required_quizzes=module.required_quiz_ids(), required_blocks=module.required_h5p_block_ids()
    ):
        raise ModuleNotFinishable
    return report_fact(module_finished_by_trainee, sender=ModulePage, user=user, module=module)
