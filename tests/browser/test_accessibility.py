"""axe-core on every page a trainee or visitor sees, in Ukrainian and Russian: no
violations. (axe is injected through the browser's debugging protocol, so the pages'
own Content-Security-Policy stays as it is.)"""

from pathlib import Path

import pytest

from courses.models import ModulePage
from tests.browser.test_foundation import sign_in
from tests.pages import trainee_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = (Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js").read_text()


def violations(page, url):
    page.goto(url)
    page.evaluate(AXE)
    found = page.evaluate(
        """async () => (await axe.run(document)).violations.map(
            v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`)"""
    )
    return [f"{url} {problem}" for problem in found]


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_no_accessibility_violations_on_any_trainee_page(visit, demo, lang):
    public, signed_in = trainee_pages(lang)
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    problems = [problem for url in public for problem in violations(page, url)]

    sign_in(page, lang)
    problems += [problem for url in signed_in for problem in violations(page, url)]
    page.goto(ModulePage.objects.get(slug="condoms-and-negotiation", locale__language_code=lang).url)
    page.locator("[data-h5p-open]").click()  # the opened activity, its frame included
    page.frame_locator("iframe.h5p-card__iframe").locator(".h5p-conecta-check__answer").first.wait_for()
    page.evaluate(AXE)
    problems += page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")

    assert problems == [], "\n".join(problems)
