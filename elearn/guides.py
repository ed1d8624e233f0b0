"""Our own short guides for trainers and coordinators, served in the admin in its language.

The guides are Markdown files in docs/guides/<language>/ (docs/guides/README.md), so they
are read and reviewed with the rest of the documentation. Wagtail's help menu linked to its
English user guide on guide.wagtail.org, another host: those links are replaced by ours
(elearn/wagtail_hooks.py). The guides use a small part of Markdown, rendered here: no
Markdown package is a runtime dependency, and every character is escaped first."""

import re
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from common.languages import current_language, default_language

GUIDES_DIR = Path(settings.BASE_DIR) / "docs" / "guides"
# (file name, who it is for), in the order a newcomer needs them.
TRAINERS = gettext_lazy("For trainers")
COORDINATORS = gettext_lazy("For coordinators")
GUIDES = [
    ("write-a-module", TRAINERS),
    ("add-a-test", TRAINERS),
    ("add-an-h5p-activity", TRAINERS),
    ("translate-and-submit", TRAINERS),
    ("review-and-publish", COORDINATORS),
    ("export-reports", COORDINATORS),
]
BOLD = re.compile(r"\*\*(.+?)\*\*")
NUMBERED = re.compile(r"^\d+\.\s+")


def _source(slug: str, language: str) -> str:
    path = GUIDES_DIR / language / f"{slug}.md"
    if not path.exists():
        path = GUIDES_DIR / default_language() / f"{slug}.md"
    return path.read_text(encoding="utf-8")


def _inline(text: str) -> str:
    return BOLD.sub(r"<strong>\1</strong>", escape(text))


def render(source: str) -> tuple[str, str]:
    """(title, HTML) of a guide: "# " title, "## " headings, paragraphs, "1." and "-" lists."""
    title, html, items, list_tag, paragraph = "", [], [], None, []

    def close():
        nonlocal items, list_tag, paragraph
        if paragraph:
            html.append(f"<p>{_inline(' '.join(paragraph))}</p>")
        if items:
            html.append(f"<{list_tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{list_tag}>")
        items, list_tag, paragraph = [], None, []

    for line in source.splitlines():
        line = line.strip()
        if line.startswith("# "):
            close()
            title = line[2:].strip()
        elif line.startswith("## "):
            close()
            html.append(f"<h2>{_inline(line[3:].strip())}</h2>")
        elif NUMBERED.match(line) or line.startswith("- "):
            tag = "ul" if line.startswith("- ") else "ol"
            if paragraph or (list_tag and list_tag != tag):
                close()
            list_tag = tag
            items.append(line[2:].strip() if tag == "ul" else NUMBERED.sub("", line))
        elif line:
            if items:
                close()
            paragraph.append(line)
        else:
            close()
    close()
    return title, mark_safe("\n".join(html))  # noqa: S308 (every text is escaped in _inline)


def guides_index(request):
    language = current_language()
    groups = {}
    for slug, audience in GUIDES:
        title, _html = render(_source(slug, language))
        groups.setdefault(str(audience), []).append((slug, title))
    return TemplateResponse(request, "elearn/guides/index.html", {"groups": groups.items()})


def guide(request, guide):
    if guide not in dict(GUIDES):
        raise Http404
    title, html = render(_source(guide, current_language()))
    return TemplateResponse(request, "elearn/guides/guide.html", {"title": title, "html": html})
