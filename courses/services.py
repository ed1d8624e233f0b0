"""Writes to progress. Keyed on the module's translation_key: progress made in Ukrainian
counts in Russian and the other way round."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ModulePage, ModuleProgress


class ModuleNotFinishable(Exception):
    """The module has required activities; passing them completes it, not a button."""


@transaction.atomic
def module_open(*, user, module: ModulePage) -> ModuleProgress:
    now = timezone.now()
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


@transaction.atomic
def module_complete(*, user, module: ModulePage) -> ModuleProgress:
    """Mark a module done (once: a later call keeps the first completion time). Finishing
    the last module of a course whose final test is passed issues the certificate."""
    from certificates.services import certificates_issue_for

    progress = module_open(user=user, module=module)
    newly_done = ModuleProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
        completed_at=timezone.now()
    )
    if newly_done:
        certificates_issue_for(user=user, module=module)
    progress.refresh_from_db()
    return progress


def module_finish_by_button(*, user, module: ModulePage) -> ModuleProgress:
    """The trainee pressed "I have finished this module"."""
    if module.required_activities():
        raise ModuleNotFinishable
    return module_complete(user=user, module=module)


def module_check_complete(*, user, module: ModulePage) -> bool:
    """Complete the module if it has required activities and the trainee has done them
    all: tests passed and H5P activities completed, in whichever language. True when the
    module is complete."""
    from h5p.selectors import completed_block_ids
    from quizzes.selectors import passed_quiz_ids

    quizzes = {quiz.pk for quiz in module.required_quizzes() if quiz is not None}
    h5p_blocks = set(module.required_h5p_block_ids())
    if not quizzes and not h5p_blocks:
        return False
    if quizzes and not quizzes <= passed_quiz_ids(user=user, quiz_ids=quizzes):
        return False
    if h5p_blocks and not h5p_blocks <= completed_block_ids(user=user, module_key=module.translation_key):
        return False
    module_complete(user=user, module=module)
    return True
