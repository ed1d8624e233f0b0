"""Writes: keeping what a trainee's H5P activity reported."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from .models import ActivityState, ActivityStatement
from .player import object_iri
from .selectors import Activity
from .xapi import actor_mail, parse_state, parse_statement


@dataclass(frozen=True)
class Recorded:
    stored: bool  # False when this statement id was kept before (a resent offline answer)
    module_complete: bool


@transaction.atomic
def statement_record(*, user, activity: Activity, body: bytes) -> Recorded:
    """Keep one statement (StatementRefused stores nothing). One that completes the
    activity completes the module too when nothing else is missing."""
    from courses.services import module_check_complete

    statement = parse_statement(
        body, expected_actor=actor_mail(user), object_iri=object_iri(activity.content)
    )
    try:
        with transaction.atomic():
            ActivityStatement.objects.create(
                user=user,
                statement_id=statement.id,
                module_key=activity.module.translation_key,
                block_id=activity.block_id,
                content=activity.content,
                verb=statement.verb,
                score_raw=statement.score_raw,
                score_max=statement.score_max,
                completes_activity=statement.completes_activity,
                payload=statement.payload,
            )
    except IntegrityError:
        stored = False
    else:
        stored = True
    # Only a completing statement can change the module: the others (progress inside the
    # package, sub-questions) skip the check, which reads every required activity.
    module_complete = statement.completes_activity and module_check_complete(
        user=user, module=activity.module
    )
    return Recorded(stored=stored, module_complete=module_complete)


def state_save(*, user, activity: Activity, body: bytes) -> None:
    state = parse_state(body)
    ActivityState.objects.update_or_create(user=user, content=activity.content, defaults={"state": state})
