"""A trainee who leaves something in every table that holds trainee data, for the tests of
the data export and of deletion: signs up with a profile, logs in on a second device, has
wrong passwords typed for their nickname, opens modules, takes tests (wrong, then right,
then one left unfinished), answers an H5P activity with free text and saves its progress,
completes the course, keeps a name on the certificate and downloads its PDF (cached) in
two languages; an admin edits the account (the admin's history names it)."""

import io
import json
from dataclasses import dataclass

from django.test import Client
from wagtail.log_actions import log

from accounts.models import User
from certificates.models import Certificate
from courses.models import ModulePage
from h5p.packaging import check_content, pack
from h5p.services import package_import
from quizzes.services import attempt_start
from tests.certificates.conftest import finish_modules, take_final
from tests.h5p.conftest import BLOCK_ID, add_h5p_block, post_statement, statement

NICKNAME = "Zorianka_5813"
PASSWORD = "quiet-river-lamp-42"
# Free text a trainee might type into an activity. ASCII, so that it is found however a
# database stores JSON (Django writes non-ASCII text in JSON as \u escapes).
MARKER = "I am HIV positive, my name is Olena P. 7731"
KEPT_NAME = "Olena P. 7731"


@dataclass
class Journey:
    user: User
    devices: list  # signed-in test clients: a phone and a laptop
    module: ModulePage  # the module with the H5P activity
    certificate: Certificate


def h5p_packages() -> dict:
    return {
        language: package_import(
            file=io.BytesIO(pack(f"Check {language}", check_content("Is PrEP a pill?", [("Yes", True)]))),
            title=f"Перевірка ({language})",
            language=language,
        )
        for language in ("uk", "ru")
    }


def live(*, group, course, final, admin) -> Journey:
    """`course`: (page, modules) of final_course, whose final test is `final`."""
    _page, modules = course
    packages = h5p_packages()
    module = add_h5p_block(modules[0], packages)

    phone = Client()
    signed_up = phone.post(
        "/uk/accounts/signup/",
        {
            "join_code": group.join_code,
            "nickname": NICKNAME,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert signed_up.status_code == 302, signed_up.content.decode()[:2000]
    # The optional questions, on the step after the code (accounts/views.py: profile).
    answered = phone.post(
        "/uk/accounts/about-you/", {"age_band": "25-29", "gender": "trans_woman", "work_setting": "online"}
    )
    assert answered.status_code == 302
    user = User.objects.get(nickname=NICKNAME)
    laptop = Client()
    assert laptop.post("/uk/accounts/login/", {"username": NICKNAME, "password": PASSWORD}).status_code == 302
    stranger = Client()
    for _ in range(2):  # after the laptop's log-in, which clears the nickname's failures
        stranger.post("/uk/accounts/login/", {"username": NICKNAME.lower(), "password": "guess-1234"})

    for page in [module, *modules[1:]]:
        assert phone.get(page.url).status_code == 200

    answer = statement(user, packages["uk"], result={"score": {"raw": 1, "max": 1}, "response": MARKER})
    assert post_statement(phone, module, answer).json()["stored"] is True
    sub = statement(user, packages["uk"], verb="interacted", result={"response": MARKER})
    sub["object"] = {"id": f"{answer['object']['id']}?subContentId=q1"}
    assert post_statement(phone, module, sub).status_code == 200
    saved = phone.post(
        f"/uk/activities/{module.pk}/{BLOCK_ID}/state/",
        json.dumps({"state": json.dumps({"typed": MARKER})}),
        content_type="application/json",
    )
    assert saved.status_code == 200

    finish_modules(user, modules[1:])
    # A final test that shows its answers after every attempt may be opened again after
    # passing (by default it could not: quizzes/answer_key.py).
    final.answer_key = final.AnswerKey.ALWAYS
    final.save()
    take_final(user, final, right=False)
    take_final(user, final)
    attempt_start(user=user, quiz=final, language="ru")  # opened again, never finished

    certificate = Certificate.objects.get(user=user)
    download = f"/uk/certificates/{certificate.pk}/download/"
    assert phone.post(download, {"language": "uk"})["Content-Type"] == "application/pdf"
    kept = {"language": "ru", "name": KEPT_NAME, "keep_name": "on", "show_name": "on"}
    assert phone.post(download, kept)["Content-Type"] == "application/pdf"
    assert phone.post(download, kept | {"language": "uk"})["Content-Type"] == "application/pdf"

    log(instance=user, action="wagtail.edit", user=admin)  # as Wagtail's user admin records an edit
    certificate.refresh_from_db()
    return Journey(user=user, devices=[phone, laptop], module=module, certificate=certificate)
