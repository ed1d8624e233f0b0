# ruff: noqa: E501 (the set-up code run in manage.py shell reads better unwrapped)
"""Bytes on the wire when a trainee opens an H5P activity, first and second time: gunicorn
with production settings (collected, compressed static files) on loopback, Debian's
chromium without request interception (which would switch its cache off), the demo
trainee signed in. For each test package it prints the requests and bytes (headers and
bodies as received) from pressing "Open the activity" until the content shows.

Packages: the demo's own check (H5P.ConectaCheck), and a MultiChoice-class synthetic
package (tests/h5p/synthetic.py: a content type on a chain of six libraries), its scripts
and styles of the sizes a real MultiChoice 1.16 brings (about 125 KB of library code).

Targets (ARCHITECTURE.md): a MultiChoice-class first open <= 170 KB, a second open <= 5 %
of the first. Run: .venv/bin/python bench/h5p_weight.py"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import ROOT, django_shell, gunicorn, manage, prepare, production_env  # noqa: E402

FIRST_BUDGET = 170 * 1024
SECOND_SHARE = 0.05

# Placed in the demo's HIV module as optional activities, one block per package.
SETUP = r"""
import io
from courses.models import ModulePage
from wagtail.models import Locale
from h5p.services import package_import
from tests.h5p import synthetic
from tests.h5p.conftest import add_h5p_block
from h5p.packaging import check_content, pack

def code(name, size):
    lines = [f"/* {name}: generated code of a real library's size */"]
    i = 0
    while sum(map(len, lines)) < size:
        lines.append(f"function {name}_{i}(value) {{ return value * {i * 7919 % 10007} + '{name}-{i}'; }}")
        i += 1
    return "\n".join(lines).encode()

sizes = {"H5P.SampleChoice-1.16": 46000, "H5P.SampleQuestion-1.5": 38000, "H5P.SampleJoubelUI-1.3": 22000,
         "H5P.SampleTransition-1.0": 2000, "H5P.SampleFontIcons-1.0": 1500, "FontAwesome-4.5": 3000,
         "jQuery.sampleui-1.10": 2000, "H5P.SharedLib-1.0": 1000}
libraries = synthetic.chain()
for folder, files in libraries.items():
    files["scripts/main.js"] = code(folder.split("-")[0].replace(".", "_"), sizes[folder])
    files["styles/main.css"] = b"\n".join(b".h5p-%d { margin: %dpx; color: #%06x; }" % (i, i % 40, i * 2654435 % 0xFFFFFF) for i in range(sizes[folder] // 200))
libraries["H5P.SampleChoice-1.16"]["scripts/main.js"] += (
    b"\nH5P.SampleChoice = function () { this.attach = function ($c) { $c.get(0).textContent = 'Choice ready'; }; };\n")
packages = {
    "multichoice-class": synthetic.package("Multichoice-class", libraries=libraries),
    "conecta-check": pack("Check", check_content("Choice ready?", [("Yes", True), ("No", False)])),
}
module = ModulePage.objects.get(slug="hiv", locale__language_code="uk")
for name, data in packages.items():
    content = package_import(file=io.BytesIO(data), title=name, language="uk")
    module = add_h5p_block(module, {"uk": content, "ru": content}, required=False, block_id=name)
for page in (module, module.get_translation(Locale.objects.get(language_code="ru"))):
    page = ModulePage.objects.get(pk=page.pk)
    for block in page.body:
        if block.id in packages:
            block.value["title"] = block.id
    page.save_revision().publish()
print(module.url)
"""


def measure(page, card, text) -> tuple[int, int]:
    sizes = []

    def finished(request):
        measured = request.sizes()
        sizes.append(measured["responseBodySize"] + measured["responseHeadersSize"])

    page.on("requestfinished", finished)
    card.get_by_role("button", name="Відкрити завдання").click()
    card.frame_locator("iframe").get_by_text(text).first.wait_for()
    page.wait_for_timeout(1500)
    page.remove_listener("requestfinished", finished)
    return len([size for size in sizes if size > 0]), sum(sizes)


def main():
    media = tempfile.mkdtemp(prefix="elearn-h5p-bench-")
    env = production_env(MEDIA_ROOT=media)
    dev = {**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"}
    prepare(dev)
    manage("collectstatic", "--noinput", env=env)
    module_url = django_shell(SETUP, dev)

    from playwright.sync_api import sync_playwright

    failed = False
    with gunicorn(env) as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 360, "height": 740}, base_url=f"http://127.0.0.1:{port}")
        page.goto("/uk/accounts/login/")
        page.get_by_label("Псевдонім").fill("trainee-demo")
        page.get_by_label("Пароль").fill("conecta-demo-2026")
        page.get_by_role("button", name="Увійти").click()
        page.wait_for_url("**/uk/accounts/")
        print(
            f"{'package':20} {'first: requests':>16} {'bytes':>9} {'second: requests':>17} {'bytes':>9} {'share':>6}"
        )
        for name, text in (("multichoice-class", "Choice ready"), ("conecta-check", "Choice ready?")):
            opens = []
            for _ in range(2):
                page.goto(module_url)
                card = page.locator("section[data-h5p-activity]", has=page.get_by_role("heading", name=name))
                opens.append(measure(page, card, text))
            (first_n, first), (second_n, second) = opens
            share = second / first
            print(f"{name:20} {first_n:16d} {first:9d} {second_n:17d} {second:9d} {100 * share:5.1f}%")
            if name == "multichoice-class" and (first > FIRST_BUDGET or share > SECOND_SHARE):
                failed = True
        browser.close()
    print(
        f"targets: multichoice-class first <= {FIRST_BUDGET} B, second <= {100 * SECOND_SHARE:.0f} % of first"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
