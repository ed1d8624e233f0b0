"""Two-factor authentication in view tests.

Admins and coordinators reach nothing in the admin before a second step
(accounts/two_factor/). Tests that are not about it sign staff in with
`client.force_login(user)` as before: the autouse fixture below makes force_login also pass
the second step for anyone it would ask (giving them an authenticator if they must have
one and have none). Activate it for the whole suite by importing it into tests/conftest.py:

    from tests.two_factor import staff_pass_the_second_step  # noqa: F401

(or run `pytest -p tests.two_factor`). Tests about the second step itself sign in with
`force_login_password_only`. Nothing here touches Django at import time, so it also loads
as a pytest plugin."""

import pytest


def pass_second_factor(client, user):
    """Mark `client`'s session as having passed the second step with `user`'s
    authenticator, made for them if they have none. Returns the authenticator."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def _needs_second_factor(user) -> bool:
    from accounts.two_factor.policy import asks_for_code, second_factor_required

    return asks_for_code(user) or second_factor_required(user)


def force_login_password_only(client, user, backend=None):
    """Signed in as after the password, before any second step."""
    from django.test import Client

    plain = getattr(Client.force_login, "password_only", Client.force_login)
    plain(client, user, backend)


@pytest.fixture(autouse=True)
def staff_pass_the_second_step(monkeypatch):
    from django.test import Client

    plain = getattr(Client.force_login, "password_only", Client.force_login)

    def force_login(self, user, backend=None):
        plain(self, user, backend)
        if _needs_second_factor(user):
            pass_second_factor(self, user)

    force_login.password_only = plain
    monkeypatch.setattr(Client, "force_login", force_login)
