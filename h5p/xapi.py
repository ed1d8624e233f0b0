"""Checking one xAPI statement an H5P package sent through the module page.

The browser is not trusted: the statement must be small, well formed, about this
activity's package (or one of its sub-contents) and made by this trainee's pseudonymous
actor. A score is kept as the package reported it and marked self-reported."""

import json
import math
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

COMPLETING_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
}


class StatementRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Statement:
    id: uuid.UUID
    verb: str
    score_raw: float | None
    score_max: float | None
    completes_activity: bool
    payload: dict


def actor_mail(user) -> str:
    """The trainee as the H5P player names them: a pseudonym, stable per account, that
    tells nothing about them (no nickname leaves the site)."""
    digest = salted_hmac("conecta.h5p.actor", str(user.pk)).hexdigest()[:24]
    return f"{digest}@learners.conecta.invalid"


def _score(result) -> tuple[float | None, float | None]:
    if result is None:
        return None, None
    if not isinstance(result, dict):
        raise StatementRefused(_("The result is not in the expected form."))
    score = result.get("score")
    if score is None:
        return None, None
    raw, top = (score.get(key) if isinstance(score, dict) else None for key in ("raw", "max"))
    numbers = [n for n in (raw, top) if isinstance(n, int | float) and not isinstance(n, bool)]
    if len(numbers) != 2 or not all(map(math.isfinite, numbers)) or not 0 <= raw <= top or top <= 0:
        raise StatementRefused(_("The score is not a number between zero and its maximum."))
    return float(raw), float(top)


def parse_statement(body: bytes, *, expected_actor: str, object_iri: str) -> Statement:
    if len(body) > settings.H5P_MAX_STATEMENT_SIZE:
        raise StatementRefused(_("The result is too large to be kept."))
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise StatementRefused(_("The result is not in the expected form.")) from None
    statement = data.get("statement") if isinstance(data, dict) else None
    if not isinstance(statement, dict):
        raise StatementRefused(_("The result is not in the expected form."))
    try:
        statement_id = uuid.UUID(str(statement.get("id")))
    except ValueError:
        raise StatementRefused(_("The result has no valid id.")) from None
    actor = statement.get("actor")
    if not isinstance(actor, dict) or actor.get("mbox") != f"mailto:{expected_actor}":
        raise StatementRefused(_("The result belongs to someone else."))
    verb = statement.get("verb", {}).get("id") if isinstance(statement.get("verb"), dict) else None
    if not isinstance(verb, str) or not verb.startswith(("http://", "https://")) or len(verb) > 255:
        raise StatementRefused(_("The result is not in the expected form."))
    target = statement.get("object", {}).get("id") if isinstance(statement.get("object"), dict) else None
    top_level = target == object_iri
    if not top_level and not (isinstance(target, str) and target.startswith(object_iri + "?subContentId=")):
        raise StatementRefused(_("The result is for another activity."))
    score_raw, score_max = _score(statement.get("result"))
    return Statement(
        id=statement_id,
        verb=verb,
        score_raw=score_raw,
        score_max=score_max,
        completes_activity=top_level and verb in COMPLETING_VERBS and score_raw is not None,
        payload=statement,
    )


def parse_state(body: bytes) -> str:
    """Resume state: H5P's own JSON text, kept as it is, within the size cap."""
    if len(body) > settings.H5P_MAX_STATE_SIZE + 1024:
        raise StatementRefused(_("The saved progress is too large to be kept."))
    try:
        data = json.loads(body)
        state = data["state"]
        json.loads(state)
    except (ValueError, UnicodeDecodeError, KeyError, TypeError):
        raise StatementRefused(_("The saved progress is not in the expected form.")) from None
    if len(state.encode()) > settings.H5P_MAX_STATE_SIZE:
        raise StatementRefused(_("The saved progress is too large to be kept."))
    return state
