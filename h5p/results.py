"""Writes: keeping what a trainee's H5P activity reported."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from common.learning_events import NOTHING_NEW, Outcome, report_fact

from .compaction import statements_compact
from .completion import statement_completes
from .models import ActivityState, ActivityStatement
from .player import object_iri
from .selectors import Activity
from .signals import activity_completed
from .xapi import actor_mail, parse_state, parse_statement


@dataclass(frozen=True)
class Recorded:
    stored: bool  # False when this statement id was kept before (a resent offline answer)
    outcome: Outcome  # what completing the activity led to (its module, course, certificate)


@transaction.atomic
def statement_record(*, user, activity: Activity, body: bytes) -> Recorded:
    """Keep one statement (StatementRefused stores nothing) and report a completed
    activity: the learning pipeline answers whether that completed its module."""
    statement = parse_statement(
        body, expected_actor=actor_mail(user), object_iri=object_iri(activity.content)
    )
    done = statement_completes(statement, object_iri=object_iri(activity.content), mode=activity.completion)
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
                completes_activity=done,
                payload=statement.payload,
            )
    except IntegrityError:
        stored = False
    else:
        stored = True
        statements_compact(
            user=user,
            module_key=activity.module.translation_key,
            block_id=activity.block_id,
            object_iri=object_iri(activity.content),
        )
    # Only a completing statement can change the module: the others (progress inside the
    # package, sub-questions) are not reported.
    outcome = NOTHING_NEW
    if done:
        outcome = report_fact(
            activity_completed,
            sender=ActivityStatement,
            user=user,
            module_key=activity.module.translation_key,
            block_id=activity.block_id,
        )
    return Recorded(stored=stored, outcome=outcome)


def state_save(*, user, activity: Activity, body: bytes) -> None:
    state = parse_state(body)
    ActivityState.objects.update_or_create(user=user, content=activity.content, defaults={"state": state})
