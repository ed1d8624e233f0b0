"""A module's blocks, rendered once per revision and language and kept (common/page_cache.py).

Blocks that show the trainee's own results (a test's best score, an activity's progress)
are rendered for each request from their stored value, with the trainee's results read
once for the whole page (ModulePage.get_context): no cached block ever holds them."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructValue

from common import page_cache

register = template.Library()

PERSONAL_BLOCKS = {"quiz", "h5p", "country_section", "local_help"}  # by reader, not by language


def _plain(value):
    """A block value that keeps in the cache: dicts and lists of models, no block objects."""
    if isinstance(value, StructValue):
        return {name: _plain(item) for name, item in value.items()}
    if isinstance(value, ListValue | list):
        return [_plain(item) for item in value]
    return value


def _render(block, value, block_id, context: dict):
    return block.render(value, context={**context, "block_id": block_id})


def _parts(page, context: dict) -> list:
    parts = []
    for child in page.body:
        if child.block_type in PERSONAL_BLOCKS:
            parts.append((child.block_type, child.id, _plain(child.value)))
        else:
            parts.append((None, child.id, _render(child.block, child.value, child.id, context)))
    return parts


@register.simple_tag(takes_context=True)
def module_body(context):
    page, request = context["page"], context.get("request")
    flat = context.flatten()
    if page.pk is None or getattr(request, "is_preview", False):
        parts = _parts(page, flat)
    else:
        parts = page_cache.get_or_build(
            lambda: _parts(page, flat), "module-body", page.pk, page.latest_revision_id, get_language()
        )
    blocks = page.body.stream_block.child_blocks
    html = []
    for block_type, block_id, part in parts:
        if block_type is None:
            html.append(part)
        else:
            html.append(_render(blocks[block_type], part, block_id, flat))
    return mark_safe("".join(html))  # noqa: S308  (block templates' output, escaped there)
