"""The number of SQL queries behind the dashboard and the exports does not grow with the
number of trainees (synthetic data at N and 2N)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from reports.synthetic import generate
from tests.factories import UserFactory

URLS = ["/admin/reports/", "/admin/reports/training-report.xlsx", "/admin/reports/trainees.csv"]


def query_counts(client):
    counts = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200
        counts[url] = len(queries)
    return counts


def test_queries_do_not_depend_on_the_number_of_trainees(
    client, report_course, organisation, other_organisation
):
    client.force_login(UserFactory(nickname="boss", is_superuser=True, is_staff=True))
    generate(20, seed=1)
    query_counts(client)  # warm the admin's own caches (menus, site), which count once
    at_n = query_counts(client)
    generate(20, seed=2)
    assert User.objects.filter(nickname__startswith="synthetic-").count() == 40

    assert query_counts(client) == at_n


def test_synthetic_data_has_a_plausible_knowledge_gain(report_course, organisation):
    from reports.data import report_data
    from reports.indicators import counts
    from reports.scope import ReportScope

    made = generate(300, seed=3)
    result = counts(report_data(ReportScope(course=report_course[0])).trainees)

    assert made["trainees"] == 300 and made["certificates"] > 0
    assert 15 <= result.gain <= 30
