"""Nothing on a trainee page moves once it is shown (Lighthouse's layout shift): on a
slow phone a late jump makes a trainee tap the wrong thing. The private-tab tip, which a
script shows after the page is drawn, is the usual suspect: it must move nothing. Only a
slow phone draws the page before its scripts run, so the tab is slowed down as
Lighthouse's mobile test slows it (4× CPU, 150 ms round trips, 1.6 Mbit/s)."""

import pytest

from courses.models import CoursePage
from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The layout shifts of the page so far, with the elements that moved.
SHIFTS = """() => new Promise(done => {
    const shifts = [];
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            const moved = (entry.sources || []).map(s => s.node && s.node.nodeName).join(", ");
            shifts.push(`${entry.value.toFixed(3)} (${moved})`);
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(shifts), 300);
})"""


def like_a_slow_phone(page):
    devtools = page.context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 94_000},
    )
    devtools.send("Emulation.setCPUThrottlingRate", {"rate": 4})


def shifts(page, url):
    page.goto(url)
    page.locator("[data-privacy-tip]").wait_for()  # shown by its script once the page is drawn
    return [f"{url}: {shift}" for shift in page.evaluate(SHIFTS)]


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_no_trainee_page_moves_after_it_is_shown(visit, demo, lang):
    course = CoursePage.objects.get(locale__language_code=lang)
    module = list(course.modules())[0]
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    like_a_slow_phone(page)
    moved = [shift for url in (f"/{lang}/", course.url, module.url) for shift in shifts(page, url)]

    sign_in(page, lang)
    moved += [shift for url in (f"/{lang}/learning/", module.url) for shift in shifts(page, url)]

    assert moved == [], "\n".join(moved)
