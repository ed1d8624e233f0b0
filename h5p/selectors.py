"""Reads: which H5P activity a request is about, what a trainee has done in it."""

from dataclasses import dataclass

from wagtail.models import Page

from .blocks import content_for_language
from .models import ActivityState, ActivityStatement, H5PContent


@dataclass(frozen=True)
class Activity:
    module: Page  # the live page whose StreamField holds the block (a module)
    block_id: str
    title: str
    required: bool
    content: H5PContent


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
            return Activity(module, block_id, block.value["title"], block.value["required"], content)
    return None


def completed_block_ids(*, user, module_key) -> set[str]:
    rows = ActivityStatement.objects.filter(user=user, module_key=module_key, completes_activity=True)
    return set(rows.values_list("block_id", flat=True))


def saved_state(*, user, content) -> str | None:
    return ActivityState.objects.filter(user=user, content=content).values_list("state", flat=True).first()
