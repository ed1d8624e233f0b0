"""A list that names trainees is never narrowed by who they are."""

import csv
import datetime
import io

import pytest
from django.utils import translation

from accounts.models import User
from reports.training_report import trainee_columns


@pytest.fixture
def mixed(story, group):
    people = {
        "sonia-w": story.trainee(group, nickname="sonia-w", gender="woman", age_band="25-29"),
        "tina-t": story.trainee(group, nickname="tina-t", gender="trans_woman", age_band="lt20"),
        "ola-s": story.trainee(group, nickname="ola-s", gender="woman", work_setting="street"),
    }
    for person in people.values():
        story.finished(person, datetime.date(2026, 10, 5), 40, 70)
    return people


def nicknames(response):
    rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    return {row[0] for row in rows if row and row[0] in {"sonia-w", "tina-t", "ola-s"}}


@pytest.mark.parametrize(
    "query",
    [{"gender": "trans_woman"}, {"age_band": "lt20"}, {"work_setting": "street", "gender": "woman"}],
)
def test_demographic_filters_do_not_narrow_the_trainee_list(client, coordinator, mixed, query):
    client.force_login(coordinator)

    response = client.get("/admin/reports/trainees.csv", query)

    assert response.status_code == 200
    assert nicknames(response) == set(mixed)


def test_the_lists_columns_say_nothing_about_who_trainees_are(client, coordinator, mixed):
    client.force_login(coordinator)

    header = next(
        row
        for row in csv.reader(
            io.StringIO(client.get("/admin/reports/trainees.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
        if row and row[0] == "Псевдонім"
    )

    with translation.override("uk"):
        demographic = {
            str(User._meta.get_field(name).verbose_name) for name in ("gender", "age_band", "work_setting")
        }
        assert header == trainee_columns()
    assert len(header) == 6 and not demographic & set(header)


def test_the_dashboards_trainee_links_drop_demographic_filters(client, coordinator, mixed):
    client.force_login(coordinator)

    # A gender filter needs a whole ended quarter (reports/scope.py).
    html = client.get(
        "/admin/reports/", {"gender": "woman", "since": "2026-07-01", "until": "2026-09-30"}
    ).content.decode()

    assert "trainees.csv?since=2026-07-01" in html and "trainees.csv?gender" not in html
