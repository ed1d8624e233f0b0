"""When a statement an H5P activity sent completes the activity: a pure rule, by what the
trainer chose in the block (h5p/blocks.py).

Scored content types (H5P's question types) complete when answered, or only when passed.
Other types (Accordion, Dialogcards, Image Hotspots...) send no score: they complete when
they report being done ("completed", "consumed", "experienced"), or with the block's "I have
finished" button, which the module page shows them (h5p/static/h5p/activity.js) and which
sends "completed". With "every part viewed" the player follows the parts of the types it
knows (Accordion's panels, Dialogcards' cards: h5p/static/h5p/player.js) and sends
"completed" once each was seen; Accordion's own "consumed", sent as it opens, does not count
then. A type whose parts it cannot follow gets the button instead. A required block can
therefore always be completed."""

VERBS = "http://adlnet.gov/expapi/verbs/"
ANSWERED, PASSED, BUTTON, VIEWED = "answered", "passed", "button", "viewed"
SCORED_VERBS = {VERBS + "answered", VERBS + "completed", VERBS + "passed"}
# Accordion, Text and other content types report reading with Activity Streams' verb.
CONSUME = "http://activitystrea.ms/schema/1.0/consume"
DONE_VERBS = {VERBS + "completed", VERBS + "consumed", VERBS + "experienced", CONSUME}


def completes(*, verb: str, top_level: bool, scored: bool, success, mode: str) -> bool:
    if not top_level:  # a sub-question of a set, a card of a deck: not the activity
        return False
    if not scored:
        return verb == VERBS + "completed" if mode == VIEWED else verb in DONE_VERBS
    if verb not in SCORED_VERBS:
        return False
    if mode == PASSED:
        return success is True or verb == VERBS + "passed"
    return True


def statement_completes(statement, *, object_iri: str, mode: str) -> bool:
    """The rule applied to a checked statement (h5p/xapi.py's Statement)."""
    payload = statement.payload
    target = payload.get("object") if isinstance(payload.get("object"), dict) else {}
    result = payload.get("result") if isinstance(payload.get("result"), dict) else {}
    return completes(
        verb=statement.verb,
        top_level=target.get("id") == object_iri,
        scored=statement.score_raw is not None,
        success=result.get("success"),
        mode=mode,
    )
