"""Keeping a trainee's H5P statements compact: an activity sends a statement for every
step (each answer, each card turned, each retry), and one trainee could send hundreds a
minute. Per trainee and activity we keep only what anyone reads:

- the latest statement (where they are now),
- the best-scoring one about the whole activity (their best result; a sub-question's
  score is not a result of the activity),
- the first that completed the activity (completion is a recorded fact, with its date).

Everything else of that trainee in that activity is deleted as soon as a new one arrives,
so what is kept stays at three rows however much is sent."""

from .models import ActivityStatement


def _ratio(row, object_iri) -> float:
    _, raw, top, _, target = row
    return raw / top if raw is not None and top and target == object_iri else -1.0


def statements_compact(*, user, module_key, block_id, object_iri) -> int:
    """Delete what is not kept; return how many rows went. `object_iri` names the whole
    activity in its statements (h5p.player.object_iri)."""
    rows = list(
        ActivityStatement.objects.filter(user=user, module_key=module_key, block_id=block_id)
        .order_by("pk")
        .values_list("pk", "score_raw", "score_max", "completes_activity", "payload__object__id")
    )
    if len(rows) <= 1:
        return 0
    keep = {rows[-1][0]}  # the latest
    scored = [row for row in rows if _ratio(row, object_iri) >= 0]
    if scored:
        keep.add(
            max(scored, key=lambda row: (_ratio(row, object_iri), row[0]))[0]
        )  # the best, latest of equals
    completing = [row for row in rows if row[3]]
    if completing:
        keep.add(completing[0][0])  # the first completion
    gone = [row[0] for row in rows if row[0] not in keep]
    if gone:
        ActivityStatement.objects.filter(pk__in=gone).delete()
    return len(gone)
