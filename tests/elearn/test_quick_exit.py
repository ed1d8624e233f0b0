import pytest
from django.conf import settings


def test_quick_exit_ends_the_session_and_clears_the_site(client, trainee, settings):
    client.force_login(trainee)

    response = client.post("/quick-exit/")

    assert response.status_code == 303
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'  # storage: service workers too
    assert response["Cache-Control"] == "no-store"
    assert client.get("/uk/accounts/").status_code == 302  # signed out


def test_quick_exit_is_post_only(client, db):
    assert client.get("/quick-exit/").status_code == 405


@pytest.mark.parametrize(
    "path", ["/uk/", "/ru/", "/uk/accounts/login/", "/ru/accounts/signup/", "/uk/no-such-page/"]
)
def test_every_page_has_the_quick_exit_button(client, home_pages, path):
    html = client.get(path).content.decode()

    assert 'action="/quick-exit/"' in html
    assert ("Швидкий вихід" in html) or ("Быстрый выход" in html)


@pytest.mark.parametrize(
    ("path", "tip", "keyboard_tip"),
    [
        (
            "/uk/",
            "Відкривайте сайт у приватній (анонімній) вкладці: коли ви її закриєте, у телефоні не залишиться "
            "історії цього сайту.",
            '<p class="keyboard-tip">На клавіатурі можна також тричі натиснути Shift.</p>',
        ),
        (
            "/ru/accounts/login/",
            "Открывайте сайт в приватной вкладке (режим инкогнито): когда вы её закроете, в телефоне не "
            "останется истории этого сайта.",
            '<p class="keyboard-tip">На клавиатуре можно также трижды нажать Shift.</p>',
        ),
    ],
)
def test_every_page_has_the_private_tab_tip_and_a_separate_keyboard_tip(
    client, home_pages, path, tip, keyboard_tip
):
    """The tip starts hidden and privacy-tip.js shows it until it is hidden, so it never
    flashes for someone who hid it. The Shift tip is an element of its own: site.css shows
    it only where a keyboard is likely (tests/browser/test_quick_exit_history.py)."""
    html = client.get(path).content.decode()

    assert "data-privacy-tip hidden>" in html and tip in html
    assert keyboard_tip in html
    assert "Shift" not in html.replace(keyboard_tip, "")  # nowhere else, not in a title either
    # The scripts arrive joined in one file (elearn/static_bundles.py), each whole.
    assert 'src="/static/js/site.js" defer' in html
    site_js = b"".join(client.get("/static/js/site.js").streaming_content).decode()
    for script in ("quick-exit", "navigation", "privacy-tip", "offline"):
        assert (settings.BASE_DIR / "elearn" / "static" / "js" / f"{script}.js").read_text() in site_js


@pytest.mark.parametrize(
    ("language", "tip"),
    [
        ("uk", "у телефоні не залишиться історії цього сайту"),
        ("ru", "в телефоне не останется истории этого сайта"),
    ],
)
def test_the_account_page_has_the_private_tab_tip(client, trainee, language, tip):
    client.force_login(trainee)

    main = client.get(f"/{language}/accounts/").content.decode().split('<main id="main"', 1)[1]

    assert tip in main


def test_quick_exit_button_on_the_account_page(client, trainee):
    client.force_login(trainee)

    assert 'action="/quick-exit/"' in client.get("/ru/accounts/").content.decode()


def test_discreet_mode_gives_a_neutral_title_and_icon(client, home_pages, settings):
    settings.DISCREET_MODE = True

    html = client.get("/uk/").content.decode()

    assert "<title>Нотатки</title>" in html
    assert "favicon-neutral.svg" in html
    assert "Conecta" not in html


def test_no_page_may_use_the_camera_microphone_or_location(client, home_pages):
    for url in ("/uk/", "/static/css/site.css", "/healthz"):
        assert client.get(url)["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"


def test_trainee_pages_have_a_strict_content_security_policy(client, trainee, home_pages):
    client.force_login(trainee)

    policy = client.get("/uk/accounts/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert directives["form-action"] == "'self' https://neutral.example"


def test_admin_pages_load_and_send_nothing_to_another_host(client, coordinator, home_pages):
    """Wagtail's admin still needs inline scripts, but like the trainees' pages it may
    only talk to this site (tests/browser/test_authoring.py: nothing blocked)."""
    client.force_login(coordinator)

    policy = client.get("/admin/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    for directive in ("default-src", "connect-src", "font-src", "media-src", "frame-src", "form-action"):
        assert directives[directive] == "'self'", directive
    assert directives["script-src"] == "'self' 'unsafe-inline'" and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'self'"
