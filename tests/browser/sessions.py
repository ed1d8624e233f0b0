"""Signing someone in to a browser tab without the log-in form, for tests about what comes
after it: a session made as Django's test client makes it (for staff, tests/two_factor.py
also passes the second step), its cookie handed to the tab. It saves the log-in page, the
post and, for staff, the code page: seconds of Chromium's time in every journey. The forms
themselves keep tests of their own (test_foundation.py, test_two_factor.py,
test_quick_exit_history.py, test_offline_reading.py, test_staff_set_password.py)."""

from django.conf import settings
from django.test import Client

from accounts.models import User


def sign_in_without_the_form(page, nickname: str) -> None:
    """`page` must carry `site_url` (the live server's address; conftest.py sets it)."""
    client = Client()
    client.force_login(User.objects.get(nickname=nickname))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    session = {"name": cookie.key, "value": cookie.value, "url": page.site_url, "httpOnly": True}
    page.context.add_cookies([{**session, "sameSite": "Lax"}])
