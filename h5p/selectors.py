"""Reads: which H5P activity a request is about, what a trainee has done in it."""

from dataclasses import dataclass

from django.db.models import F, Value
from wagtail.models import Page

from .blocks import content_for_language
from .completion import ANSWERED
from .models import ActivityState, ActivityStatement, H5PContent


@dataclass(frozen=True)
class Activity:
    module: Page  # the live page whose StreamField holds the block (a module)
    block_id: str
    title: str
    required: bool
    content: H5PContent
    completion: str = ANSWERED  # what completes it (h5p/completion.py)


def activity_for(*, page_id: int, block_id: str) -> Activity | None:
    """The H5P block `block_id` of a live, public page (a module), with the package in the
    page's language; None when a trainee could not see it."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    module = page.specific if page else None
    for block in getattr(module, "body", None) or []:
        if block.id == block_id and block.block_type == "h5p":
            content = content_for_language(block.value, module.locale.language_code)
            if content is None:
                return None
            value = block.value
            completion = value.get("completion") or ANSWERED
            return Activity(module, block_id, value["title"], value["required"], content, completion)
    return None


def completed_block_ids(*, user, module_key) -> set[str]:
    rows = ActivityStatement.objects.filter(user=user, module_key=module_key, completes_activity=True)
    return set(rows.values_list("block_id", flat=True))


def saved_state(*, user, content) -> str | None:
    return ActivityState.objects.filter(user=user, content=content).values_list("state", flat=True).first()


def module_h5p_progress(*, user, module_key, content_ids) -> dict:
    """For a module page: the activities the trainee completed in it (block ids) and their
    saved progress per package, in one query."""
    done = ActivityStatement.objects.filter(user=user, module_key=module_key, completes_activity=True)
    saved = ActivityState.objects.filter(user=user, content_id__in=content_ids)
    rows = (
        done.annotate(kind=Value("done"), item=F("block_id"), package=Value(0))
        .values_list("kind", "item", "package")
        .union(
            saved.annotate(kind=Value("state"), item=F("state"), package=F("content_id")).values_list(
                "kind", "item", "package"
            ),
            all=True,
        )
    )
    progress = {"completed": set(), "states": {}}
    for kind, item, content_id in rows:
        if kind == "done":
            progress["completed"].add(item)
        else:
            progress["states"].setdefault(content_id, item)
    return progress
