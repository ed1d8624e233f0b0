"""Module pages from the content cache (common/page_cache.py, courses/serving.py): few
queries, no write on every view, a published change seen at once, and never another
person's results in a page."""

import gzip
import re
from datetime import timedelta

import brotli
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import TraineeFactory

CONDOMS = "/uk/courses/peer-educator-basic-course/condoms-and-negotiation/"  # a test and an H5P activity
HIV = "/uk/courses/peer-educator-basic-course/hiv/"
QUERY_BUDGET = 6


def newcomer():
    from accounts.models import TrainingGroup

    return TraineeFactory(training_group=TrainingGroup.objects.get(join_code="TVE4GN6ZR"))


def demo_trainee():
    from accounts.models import User

    return User.objects.get(nickname="trainee-demo")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def module(url):
    from courses.models import ModulePage

    language, *_rest, slug = url.strip("/").split("/")
    return ModulePage.objects.get(slug=slug, locale__language_code=language)


def test_signed_in_module_with_a_test_and_an_activity_stays_within_six_queries(demo):
    """The same count for a trainee who has done nothing and one who has done it all."""
    counts = {}
    for name, user in (("newcomer", newcomer()), ("done everything", demo_trainee())):
        client = signed_in(user)
        client.get(CONDOMS)  # the first visit records the opening
        counts[name] = len(queries(client, CONDOMS))
    assert counts["newcomer"] <= QUERY_BUDGET
    assert counts["newcomer"] == counts["done everything"]


def test_reading_a_module_again_writes_nothing_for_a_few_minutes(demo):
    from courses.models import ModuleProgress

    trainee = newcomer()
    client = signed_in(trainee)
    client.get(HIV)
    progress = ModuleProgress.objects.get(user=trainee)

    writes = [sql for sql in queries(client, HIV) if sql.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []

    opened_long_ago = timezone.now() - timedelta(minutes=6)
    ModuleProgress.objects.filter(pk=progress.pk).update(last_opened_at=opened_long_ago)
    client.get(HIV)
    assert ModuleProgress.objects.get(pk=progress.pk).last_opened_at > opened_long_ago


def test_a_trainee_never_sees_another_trainees_results(demo):
    from h5p.xapi import actor_mail

    done_it_all, beginner = demo_trainee(), newcomer()
    anonymous = Client()
    first = signed_in(done_it_all).get(CONDOMS).content.decode()
    second = signed_in(beginner).get(CONDOMS).content.decode()
    third = anonymous.get(CONDOMS).content.decode()

    assert "Ваш найкращий результат: 100%" in first
    assert actor_mail(done_it_all) in first
    for page in (second, third):
        assert "Ваш найкращий результат" not in page
        assert actor_mail(done_it_all) not in page
        assert "Ви завершили цей модуль." not in page
    assert actor_mail(beginner) in second


def test_an_anonymous_page_from_the_cache_has_no_cookie_or_token(demo):
    first, again = Client().get(CONDOMS), Client().get(CONDOMS)
    for response in (first, again):
        assert response.status_code == 200
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert 'data-csrf=""' in response.content.decode()
    assert again.content == first.content
    assert queries(Client(), CONDOMS) == []


@pytest.mark.parametrize("who", ["anonymous", "trainee"])
def test_a_published_change_shows_on_the_next_request(demo, who):
    client = Client() if who == "anonymous" else signed_in(newcomer())
    page = module(HIV)
    assert "ВІЛ" in client.get(HIV).content.decode()

    page.title = "Оновлений модуль про ВІЛ"
    page.save_revision().publish()

    html = client.get(HIV).content.decode()
    assert "<h1>Оновлений модуль про ВІЛ</h1>" in html
    assert "<title>Оновлений модуль про ВІЛ · Conecta eLearn</title>" in html  # the shared header too


def test_an_unpublished_module_is_gone_on_the_next_request(demo):
    anonymous = Client()
    assert anonymous.get(HIV).status_code == 200
    module(HIV).unpublish()
    assert anonymous.get(HIV).status_code == 404


@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [("gzip, deflate, br", "br", brotli.decompress), ("gzip, deflate", "gzip", gzip.decompress)],
)
def test_pages_are_sent_compressed(demo, accept, encoding, decompress):
    client = signed_in(demo_trainee())
    plain = client.get(CONDOMS).content
    response = client.get(CONDOMS, headers={"accept-encoding": accept})

    assert response["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response["Vary"]
    assert len(response.content) < len(plain) / 2
    html = decompress(response.content)
    assert b"</html>" in html
    assert b"\n " not in html  # the templates' indentation stays home
    # Left out: the CSRF token, masked afresh for each response, and the player's signed
    # address, whose signature carries the second it was made.
    fresh = re.compile(rb'="[A-Za-z0-9]{64}"|/h5p/play/[^"/]+/')
    assert fresh.sub(b"", html).split() == fresh.sub(b"", plain).split()  # the same words and tags


def test_the_one_query_reads_what_each_app_reads_for_itself(demo):
    """courses/reading.py reads progress, test standings and H5P progress in one
    statement: the same answers as the quizzes' and h5p apps' own selectors."""
    from courses.models import ModulePage
    from h5p.selectors import module_h5p_progress
    from quizzes.selectors import module_quiz_standings

    for user in (demo_trainee(), newcomer()):
        for page in ModulePage.objects.live().specific():
            parts = page._trainee_parts(user, page.get_parent().specific)
            if page.quiz_ids():
                assert parts["quiz_standings"] == module_quiz_standings(user=user, quiz_ids=page.quiz_ids())
            if page.has_h5p():
                expected = module_h5p_progress(
                    user=user, module_key=page.translation_key, content_ids=page._h5p_content_ids()
                )
                assert parts["h5p_progress"] == expected

    condoms = module(CONDOMS)
    course = condoms.get_parent().specific
    done_it_all = condoms._trainee_parts(demo_trainee(), course)
    beginner = condoms._trainee_parts(newcomer(), course)
    assert done_it_all["reading"]["status"] == "done" and beginner["reading"]["status"] == "not_started"
    assert [standing["best"] for standing in done_it_all["quiz_standings"].values()] == [100]
    assert done_it_all["h5p_progress"]["completed"] and not beginner["h5p_progress"]["completed"]


def test_static_files_are_sent_compressed(client):
    response = client.get("/static/css/site.css", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(b"".join(response.streaming_content))
