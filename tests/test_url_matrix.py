"""Every URL the resolver knows × every role, with the answer each must get.

Roles: anonymous; trainee A (the demo trainee, Salus) and trainee B (Humanitarian Action,
another group); a trainer and a coordinator of Salus; a coordinator of Humanitarian
Action; an admin. Our own admin views are all in; of Wagtail's admin a sample. A URL
pattern that is not classified here fails the test, so a new view must say who may use it.

And every list that names trainees ignores (or refuses) a filter by who they are: each
demographic filter of the reports (reports/scope.py DEMOGRAPHIC_FILTERS), with each of its
values and a whole ended quarter (the period the reports take them for), must give the same
answer as none; a filter added there is tried here too. Which of the matrix's answers name
trainees is found: one missing from PER_TRAINEE_LISTS fails the test."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.models import AgeBand, Gender, TrainingGroup, User, WorkSetting
from certificates.models import Certificate
from courses.models import CoursePage, ModulePage
from elearn.demo.h5p import BLOCK_ID
from h5p.assets import asset_token, library_digest
from h5p.player import play_token
from quizzes.models import Attempt
from reports.scope import DEMOGRAPHIC_FILTERS, ended_quarters
from tests.test_cross_organisation_matrix import answer_text, comparable, first_difference

ROLES = ["anonymous", "trainee_a", "trainee_b", "trainer", "coordinator_a", "coordinator_b", "admin"]
LOGIN = "login"  # a redirect to the log-in page
ADMIN_LOGIN = "admin-login"  # Wagtail's admin redirects to its own log-in page
DENIED = "denied"  # Wagtail's admin: back to the dashboard with "no permission"


def everyone(answer):
    return dict.fromkeys(ROLES, answer)


def signed_in(answer, anonymous=LOGIN):
    return {"anonymous": anonymous, **dict.fromkeys(ROLES[1:], answer)}


def staff_only(allowed, answer=200):
    """Wagtail admin: anonymous → admin log-in; trainees → no admin at all; else as given."""
    answers = {"anonymous": ADMIN_LOGIN, "trainee_a": ADMIN_LOGIN, "trainee_b": ADMIN_LOGIN}
    for role in ROLES[3:]:
        answers[role] = answer if role in allowed else DENIED
    return answers


def matrix(demo):
    """pattern name -> (URL to request with GET, {role: expected answer})."""
    uk_course = CoursePage.objects.get(locale__language_code="uk")
    module = ModulePage.objects.get(slug="condoms-and-negotiation", locale__language_code="uk")
    # A module test's attempt: its feedback pages show (a pre-test's never do).
    finished = Attempt.objects.filter(user__nickname="trainee-demo", finished_at__isnull=False)
    attempt = finished.filter(module_key__isnull=False).order_by("pk").first()
    question = attempt.answers.first().question_id
    certificate = Certificate.objects.get(user__nickname="trainee-demo")
    content = next(b.value["packages"][0] for b in module.body if b.block_type == "h5p")
    token = asset_token(content)
    library = content.libraries.first()
    digest = library_digest(library)
    trainer = User.objects.get(nickname="trainer-lviv")
    own_attempt = {"trainee_a": 200}
    only_a = {**signed_in(404), **own_attempt}
    staff = ["coordinator_a", "coordinator_b", "admin"]
    editors = ["trainer", "coordinator_a", "coordinator_b", "admin"]
    return {
        "healthz": ("/healthz", everyone(200)),
        "quick_exit": ("/quick-exit/", everyone(405)),
        "wagtaildocs_serve": ("/documents/999/x.pdf", everyone(404)),
        "wagtaildocs_authenticate_with_password": (
            "/documents/authenticate_with_password/999/",
            everyone(404),
        ),
        "h5p_asset": (f"/h5p/assets/{token}/h5p.json", everyone(200)),
        # Library code at its lasting address: site-wide, the same for everyone.
        "h5p_library_file": (f"/h5p/assets/lib/{library}/{digest}/library.json", everyone(200)),
        # The offline-reading service worker's script: public, like any static file.
        "reading_worker": ("/reading.js", everyone(200)),
        "h5p_play": (f"/h5p/play/{play_token(content, module.pk)}/", everyone(200)),
        "accounts:account": ("/uk/accounts/", signed_in(200)),
        "accounts:signup": ("/uk/accounts/signup/", signed_in(302, anonymous=200)),
        "accounts:login": ("/uk/accounts/login/", signed_in(302, anonymous=200)),
        "accounts:logout": ("/uk/accounts/logout/", everyone(405)),
        "admin_logout": ("/admin/logout/", everyone(405)),
        "accounts:password_change": ("/uk/accounts/password/", signed_in(200)),
        # The optional questions: trainees only (both demo organisations ask some).
        "accounts:profile": (
            "/uk/accounts/about-you/",
            {**signed_in(302), "trainee_a": 200, "trainee_b": 200},
        ),
        "privacy:my_data": ("/uk/accounts/my-data.json", signed_in(200)),
        "privacy:my_data_page": ("/uk/accounts/my-data.html", signed_in(200)),
        "privacy:delete": (
            "/uk/accounts/delete/",
            {**signed_in(200), "trainer": 404, "coordinator_a": 404, "coordinator_b": 404, "admin": 404},
        ),
        "courses:my_learning": ("/uk/learning/", signed_in(200)),
        # After sign-up: on to the trainee's course (or "My learning").
        "courses:start": ("/uk/learning/start/", signed_in(302)),
        # An anonymous reader's country for the law and help sections: POST only.
        "courses:reader_country": ("/uk/learning/country/", everyone(405)),
        "courses:module_finish": (f"/uk/learning/modules/{module.pk}/finish/", signed_in(405)),
        "quizzes:detail": (f"/uk/tests/{uk_course.final_test_id}/", everyone(200)),  # read like a module
        "quizzes:start": (f"/uk/tests/{uk_course.final_test_id}/start/", signed_in(405)),
        "quizzes:take": (f"/uk/tests/attempts/{attempt.token}/", {**only_a, "trainee_a": 302}),
        "quizzes:feedback": (f"/uk/tests/attempts/{attempt.token}/feedback/{question}/", only_a),
        "quizzes:result": (f"/uk/tests/attempts/{attempt.token}/result/", only_a),
        "h5p:statement": (f"/uk/activities/{module.pk}/{BLOCK_ID}/statements/", everyone(405)),
        "h5p:state": (f"/uk/activities/{module.pk}/{BLOCK_ID}/state/", everyone(405)),
        "certificates:mine": ("/uk/certificates/", signed_in(200)),
        "certificates:detail": (f"/uk/certificates/{certificate.pk}/", only_a),
        "certificates:download": (f"/uk/certificates/{certificate.pk}/download/", signed_in(405)),
        "certificates:verify": ("/uk/certificates/verify/", everyone(200)),
        "certificates:verify_code": (f"/uk/certificates/verify/{certificate.code}/", everyone(200)),
        "wagtailcore_authenticate_with_password": (
            "/uk/_util/authenticate_with_password/999/999/",
            everyone(404),
        ),
        "wagtailcore_login": ("/uk/_util/login/", everyone(200)),  # Wagtail's form for private pages
        "wagtail_serve": (module.url, everyone(200)),
        # Our own admin views.
        "reports:dashboard": ("/admin/reports/", {**staff_only(staff), "trainer": 403}),
        "reports:report": ("/admin/reports/training-report/", {**staff_only(staff), "trainer": 403}),
        "reports:report_export": (
            "/admin/reports/training-report.csv",
            {**staff_only(staff), "trainer": 403},
        ),
        "reports:trainee_export": ("/admin/reports/trainees.csv", {**staff_only(staff), "trainer": 403}),
        "certificates_admin:list": ("/admin/certificates/", staff_only(staff)),
        "certificates_admin:export": ("/admin/certificates/export.csv", staff_only(staff)),
        "certificates_admin:revoke": (
            f"/admin/certificates/{certificate.pk}/revoke/",
            {**staff_only(["coordinator_a", "admin"]), "coordinator_b": 404},
        ),
        "accounts_admin:trainees": (
            "/admin/trainees/",
            staff_only(["trainer", "coordinator_a", "coordinator_b", "admin"]),
        ),
        "accounts_admin:trainee_password": (
            f"/admin/trainees/{certificate.user_id}/password/",
            {**staff_only(["trainer", "coordinator_a", "admin"]), "coordinator_b": 404},
        ),
        "accounts_admin:trainee_unlock": (  # POST only
            f"/admin/trainees/{certificate.user_id}/unlock/",
            {**staff_only(["trainer", "coordinator_a", "admin"], answer=405), "coordinator_b": 404},
        ),
        # Their one organisation's questions: coordinators straight to it, admins a list.
        "accounts_questions:list": (
            "/admin/questions-for-trainees/",
            {**staff_only(["admin"]), "coordinator_a": 302, "coordinator_b": 302},
        ),
        "accounts_questions:edit": (
            f"/admin/questions-for-trainees/{trainer.organisation_id}/",
            {**staff_only(["coordinator_a", "admin"]), "coordinator_b": 404},
        ),
        "h5p_admin:library": (
            "/admin/interactive/",
            staff_only(["trainer", "coordinator_a", "coordinator_b", "admin"]),
        ),
        # One package's page: its organisation's staff and admins (the demo's packages were
        # uploaded on the server: admins only). The library registry: admins only.
        "h5p_admin:package": (f"/admin/interactive/{content.pk}/", staff_only(["admin"])),
        "h5p_admin:registry": ("/admin/interactive/libraries/", staff_only(["admin"])),
        "h5p_admin:install": (  # POST only
            f"/admin/interactive/libraries/{library.pk}/install/",
            staff_only(editors, answer=405),
        ),
        "h5p_admin:refuse": (  # POST only
            f"/admin/interactive/libraries/{library.pk}/refuse/",
            staff_only(editors, answer=405),
        ),
        "h5p_chooser:choose": (
            "/admin/h5p_chooser/",
            staff_only(["trainer", "coordinator_a", "coordinator_b", "admin"]),
        ),
        "h5p_chooser:choose_results": ("/admin/h5p_chooser/results/", staff_only(editors)),
        "h5p_chooser:chosen": (f"/admin/h5p_chooser/chosen/{content.pk}/", staff_only(editors)),
        "h5p_chooser:chosen_multiple": (
            f"/admin/h5p_chooser/chosen-multiple/?id={content.pk}",
            staff_only(editors),
        ),
        "h5p_chooser:create": ("/admin/h5p_chooser/create/", staff_only(editors)),
        # Two-factor authentication: staff here have passed it (tests/two_factor.py); the
        # steps before it then lead back to their own status page (302).
        "two_factor:status": ("/admin/two-factor/", staff_only(editors)),
        "two_factor:verify": ("/admin/two-factor/verify/", staff_only(editors, answer=302)),
        "two_factor:setup": (
            "/admin/two-factor/set-up/",
            {**staff_only(editors, answer=302), "trainer": 200},
        ),
        "two_factor:backup_codes": ("/admin/two-factor/backup-codes/", staff_only(editors, answer=302)),
        "two_factor:staff": ("/admin/two-factor/staff/", staff_only(staff)),
        "two_factor:staff_remove": (
            f"/admin/two-factor/staff/{trainer.pk}/remove/",
            {**staff_only(["coordinator_a", "admin"]), "coordinator_b": 404},
        ),
        # A sample of Wagtail's own admin.
        "wagtailadmin_home": ("/admin/", staff_only(["trainer", "coordinator_a", "coordinator_b", "admin"])),
        "wagtailadmin_explore": (
            f"/admin/pages/{uk_course.pk}/",
            staff_only(["trainer", "coordinator_a", "coordinator_b", "admin"]),
        ),
        "wagtailusers_users:index": ("/admin/users/", staff_only(["admin"])),
    }


OWN_ADMIN_NAMESPACES = {
    "reports",
    "certificates_admin",
    "accounts_admin",
    "accounts_questions",
    "h5p_admin",
    "h5p_chooser",
    "two_factor",
}


def known_patterns():
    """Every pattern name outside Wagtail's admin, plus every name in our admin namespaces."""
    names = set()

    def walk(patterns, namespace="", in_admin=False):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace and pattern.namespace
                    else (pattern.namespace or namespace)
                )
                walk(pattern.url_patterns, inner or "", in_admin or str(pattern.pattern).startswith("admin/"))
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
                if not in_admin or namespace.split(":")[0] in OWN_ADMIN_NAMESPACES:
                    names.add(name)

    walk(get_resolver().url_patterns)
    return names


def answer(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return ADMIN_LOGIN
        if "/accounts/login/" in location:
            return LOGIN
        if location.rstrip("/") == "/admin" and response.wsgi_request.path.startswith("/admin/"):
            return DENIED
    return response.status_code


@pytest.fixture
def people(demo):
    spb = TrainingGroup.objects.get(join_code="M46Y5P9UN")
    trainee_b = User.objects.create_user("trainee-b", "x", training_group=spb, organisation=spb.organisation)
    return {
        "anonymous": None,
        "trainee_a": User.objects.get(nickname="trainee-demo"),
        "trainee_b": trainee_b,
        "trainer": User.objects.get(nickname="trainer-lviv"),
        "coordinator_a": User.objects.get(nickname="coordinator-lviv"),
        "coordinator_b": User.objects.get(nickname="coordinator-spb"),
        "admin": User.objects.get(nickname="admin"),
    }


def test_every_url_answers_every_role_as_expected(client, people):
    table = matrix(people)
    assert known_patterns() <= set(table), f"unclassified URLs: {sorted(known_patterns() - set(table))}"

    wrong = []
    for role in ROLES:
        client.logout()
        if people[role]:
            client.force_login(people[role])
        for name, (url, expected) in table.items():
            got = answer(client.get(url))
            if got != expected[role]:
                wrong.append(f"{role:14} {name:40} {url}: expected {expected[role]}, got {got}")
    assert wrong == [], "\n".join(wrong)
    print(f"URL × role matrix: {len(table)} URLs × {len(ROLES)} roles = {len(table) * len(ROLES)} checks")


# Every URL whose answer names trainees (the test finds those among the matrix's URLs;
# the XLSX twins, which the matrix does not ask for, are added by hand). Each of them
# ignores a filter by who people are.
PER_TRAINEE_LISTS = {
    "reports:trainee_export": ["/admin/reports/trainees.csv", "/admin/reports/trainees.xlsx"],
    "accounts_admin:trainees": ["/admin/trainees/"],
    "certificates_admin:list": ["/admin/certificates/"],
    "certificates_admin:export": ["/admin/certificates/export.csv", "/admin/certificates/export.xlsx"],
    "wagtailusers_users:index": ["/admin/users/"],
}
ADMINS_ONLY = {"wagtailusers_users:index"}  # Wagtail's user admin (accounts/user_admin_guard.py)


@pytest.fixture
def the_only_one(people):
    """The one trans woman under 20 working in a sauna among Salus's trainees, certified
    in the last ended quarter: any of these filters, applied, would change a list of them."""
    trainee_a = people["trainee_a"]
    person = User.objects.create_user(
        "the-only-one",
        "x",
        training_group=trainee_a.training_group,
        organisation=trainee_a.organisation,
        gender=Gender.TRANS_WOMAN,
        age_band=AgeBand.UNDER_20,
        work_setting=WorkSetting.SAUNA,
    )
    certificate = Certificate.objects.get(user=trainee_a)
    since, until = ended_quarters(count=1)[0]
    Certificate.objects.create(
        user=person,
        organisation=person.organisation,
        training_group=person.training_group,
        course_key=certificate.course_key,
        issued_at=timezone.make_aware(datetime.datetime.combine(since, datetime.time(12))),
        final_score=95,
        language="uk",
        code="ONLY0NE0CODE",
    )
    return person


def demographic_queries():
    """(filter, value) for every demographic filter and every value of it."""
    for name in DEMOGRAPHIC_FILTERS:
        for value, _label in User._meta.get_field(name).choices:
            yield name, value


def test_no_list_of_trainees_is_narrowed_by_who_they_are(client, people, the_only_one):
    since, until = ended_quarters(count=1)[0]
    # A whole ended quarter: the one period for which the reports take these filters from
    # a coordinator (from an admin, any period).
    period = {"since": since.isoformat(), "until": until.isoformat()}
    wrong, checked = [], 0
    for role in ("coordinator_a", "admin"):
        client.force_login(people[role])
        # The matrix's URLs that name her are lists of trainees: each must be listed here.
        for name, (url, _expected) in matrix(people).items():
            response = client.get(url)
            named = response.status_code == 200 and the_only_one.nickname in answer_text(response)
            if named and name not in PER_TRAINEE_LISTS:
                wrong.append(f"{role}: {name} {url} names trainees but is not in PER_TRAINEE_LISTS")
        for name, urls in PER_TRAINEE_LISTS.items():
            for url in urls if role == "admin" or name not in ADMINS_ONLY else ():
                client.get(url, period)  # shows (and so clears) a message an earlier request left
                unfiltered = client.get(url, period)
                text = comparable(answer_text(unfiltered))
                named = unfiltered.status_code == 200 and the_only_one.nickname in text
                assert named, f"{role}: {url} does not list her: the test would prove nothing"
                for parameter, value in demographic_queries():
                    response = client.get(url, {**period, parameter: value})
                    checked += 1
                    if response.status_code == 400:
                        continue  # refused is as good as ignored
                    # Its own query, echoed in the page's links, is no narrowing.
                    query = re.escape(urlencode({parameter: value}))
                    echo = re.compile(rf"{query}(&amp;|&)|(&amp;|&)?{query}")
                    filtered = echo.sub("", comparable(answer_text(response)))
                    if filtered != text:
                        difference = first_difference(text, filtered)
                        wrong.append(f"{role}: {url} {parameter}={value}: {difference}")
    assert wrong == [], "\n".join(wrong)
    print(f"demographic filters on lists of trainees: {checked} requests")
