"""Governed H5P libraries in Chromium: a trainer's package bringing a new library version
waits, trainees see nothing of it; an administrator installs the version in the registry
and then it plays. A library's SVG and XML with a script, opened from their asset URLs as
a signed-in trainee, run nothing."""

import io
import json
import shutil

import pytest
from playwright.sync_api import expect

from courses.models import ModulePage
from h5p.assets import asset_base_url
from h5p.models import H5PContent, H5PLibrary
from h5p.packaging import LIBRARY_DIR, check_content, pack
from h5p.services import package_import
from tests.browser.test_authoring import DESKTOP, admin_sign_in, upload
from tests.browser.test_foundation import sign_in
from tests.h5p.conftest import add_h5p_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCRIPT = "fetch('/leak/{kind}/' + document.cookie)"
EVIL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" onload="' + SCRIPT.format(kind="svg-onload") + '">'
    "<script>" + SCRIPT.format(kind="svg-script") + "</script></svg>"
)
EVIL_XML = (
    '<?xml version="1.0"?><root><script xmlns="http://www.w3.org/1999/xhtml">'
    + SCRIPT.format(kind="xml")
    + "</script></root>"
)


def check_library(tmp_path, patch, extra=None):
    """The project's own content type as a newer patch version, with `extra` files."""
    folder = tmp_path / f"v{patch}" / LIBRARY_DIR.name
    shutil.copytree(LIBRARY_DIR, folder)
    manifest = json.loads((folder / "library.json").read_text())
    manifest["patchVersion"] = patch
    (folder / "library.json").write_text(json.dumps(manifest))
    with (folder / "check.js").open("a") as script:
        script.write(f"\n/* patch {patch} */\n")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text)
    return folder


def test_a_new_library_version_waits_for_the_administrator_then_plays(visit, demo, newcomer, tmp_path):
    package = tmp_path / "newer.h5p"
    question = check_content("Чи потрібен лубрикант?", [("Так", True), ("Ні", False)])
    package.write_bytes(pack("Новіша", question, language="uk", library_dir=check_library(tmp_path, 7)))
    page = visit()
    page.set_viewport_size(DESKTOP)

    admin_sign_in(page, "trainer-lviv")
    upload(page, str(package), "Новіша версія")
    expect(
        page.get_by_text("бібліотеки, яких на сайті ще не встановлено: H5P.ConectaCheck-1.0 (1.0.7)")
    ).to_be_visible()
    content = H5PContent.objects.get(title="Новіша версія")
    assert content.awaiting_approval
    module = ModulePage.objects.get(slug="hiv", locale__language_code="uk")
    add_h5p_block(module, {"uk": content, "ru": content}, required=True, block_id="newer")

    trainee = visit()
    sign_in(trainee, nickname=newcomer)
    trainee.goto(module.url)
    expect(trainee.locator("h1")).to_be_visible()
    expect(trainee.locator("[data-h5p-activity]")).to_have_count(0)  # nothing playable meanwhile

    admin_sign_in(page, "admin")
    page.goto("/admin/interactive/libraries/")
    row = page.locator("tr[data-library='H5P.ConectaCheck-1.0'][data-version='1.0.7']")
    expect(row).to_contain_text("trainer-lviv")
    row.get_by_role("button", name="Встановити").click()
    expect(page.get_by_text("H5P.ConectaCheck-1.0 1.0.7 встановлено.")).to_be_visible()
    installed = H5PLibrary.objects.get(machine_name="H5P.ConectaCheck", status=H5PLibrary.INSTALLED)
    assert installed.patch_version == 7
    assert set(H5PContent.objects.values_list("libraries", flat=True)) == {installed.pk}  # the demo's too

    trainee.goto(module.url)
    trainee.get_by_role("button", name="Відкрити завдання").click()
    player = trainee.frame_locator("iframe.h5p-card__iframe")
    player.get_by_role("button", name="Так").click()
    expect(trainee.get_by_role("status").filter(has_text="Вашу відповідь збережено.")).to_be_visible()


def test_an_svg_and_an_xml_with_a_script_opened_from_their_asset_urls_run_nothing(visit, demo, tmp_path):
    folder = check_library(tmp_path, 9, extra={"icon.svg": EVIL_SVG, "data.xml": EVIL_XML})
    content = package_import(
        file=io.BytesIO(pack("Іконка", check_content("?", []), library_dir=folder)),
        title="Іконка",
        language="uk",
    )
    page = visit()
    sign_in(page)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    base = asset_base_url(content) + f"libraries/{LIBRARY_DIR.name}/"

    for name in ("icon.svg", "data.xml"):
        response = page.goto(base + name)
        assert response.status == 200
        assert "sandbox" in response.headers["content-security-policy"]
        page.wait_for_timeout(300)  # time for a script to run, had it been allowed to

    assert not [url for url in requested if "/leak/" in url]
    page.policy_violations.clear()  # the blocked scripts are reported: that is the point


def test_a_trainer_renames_replaces_and_cannot_delete_a_package_a_module_plays(visit, demo, tmp_path):
    from accounts.models import User

    content = H5PContent.objects.filter(language="uk").first()  # the demo's, in the condoms module
    content.uploaded_by = User.objects.get(nickname="trainer-lviv")
    content.save()
    new_version = tmp_path / "v2.h5p"
    question = check_content("Яка основа лубриканту безпечна?", [("Водна", True), ("Олійна", False)])
    new_version.write_bytes(pack("v2", question, language="uk"))
    page = visit()
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "trainer-lviv")

    page.goto("/admin/interactive/")
    page.get_by_role("link", name=content.title).click()
    page.get_by_label("Назва").fill("Лубрикант: перевірка")
    page.get_by_role("button", name="Зберегти назву").click()
    expect(page.get_by_text("Тепер пакет називається «Лубрикант: перевірка».")).to_be_visible()

    page.get_by_role("button", name="Видалити цей пакет").click()
    expect(page.get_by_text("використовується в 2 модулях")).to_be_visible()
    assert H5PContent.objects.filter(pk=content.pk).exists()

    page.locator("input[name=package]").set_input_files(str(new_version))
    page.get_by_role("button", name="Перевірити й замінити").click()
    expect(page.get_by_text("«Лубрикант: перевірка» замінено: модулі показують нову версію.")).to_be_visible()

    trainee = visit()
    sign_in(trainee)
    trainee.goto("/uk/courses/peer-educator-basic-course/condoms-and-negotiation/")
    trainee.get_by_role("button", name="Відкрити завдання").click()
    player = trainee.frame_locator("iframe.h5p-card__iframe")
    expect(player.get_by_text("Яка основа лубриканту безпечна?")).to_be_visible()
