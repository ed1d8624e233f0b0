"""Signing staff in to the admin in Chromium when it asks for the second step.

After the password, admins and coordinators who have an authenticator are asked for its
code (accounts/two_factor/). `pass_second_step(page, nickname)` types a code computed from
their authenticator's key, as the app on their phone would; for staff it does not ask, it
does nothing."""

from urllib.parse import urlsplit

from django_otp.plugins.otp_totp.models import TOTPDevice

from elearn.demo.two_factor import usable_code

VERIFY_PATH = "/admin/two-factor/verify/"


def code_for(nickname: str) -> str:
    """A code that `nickname`'s authenticator app would show now (and that was not used)."""
    return usable_code(TOTPDevice.objects.get(user__nickname=nickname, confirmed=True))


def pass_second_step(page, nickname: str) -> None:
    """Call right after submitting the admin's log-in form."""
    page.wait_for_url(lambda url: urlsplit(url).path in ("/admin/", VERIFY_PATH))
    if urlsplit(page.url).path == VERIFY_PATH:
        page.locator("input[name=code]").fill(code_for(nickname))
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(lambda url: urlsplit(url).path != VERIFY_PATH)
