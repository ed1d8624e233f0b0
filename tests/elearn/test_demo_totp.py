"""`manage.py demo_totp NICKNAME`: a code for a demo account's published development
secret, so that `make run` still lets a developer into the admin; never elsewhere."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from elearn.demo import two_factor
from tests.factories import UserFactory


@pytest.fixture
def demo_admin(db):
    admin = UserFactory(nickname="admin", is_superuser=True, is_staff=True)
    two_factor.load()
    return admin


def demo_totp(nickname):
    out = StringIO()
    call_command("demo_totp", nickname, stdout=out)
    return out.getvalue().strip()


def test_it_prints_a_code_the_demo_admins_authenticator_accepts(demo_admin):
    device = TOTPDevice.objects.get(user=demo_admin)
    assert device.key == two_factor.DEMO_TOTP_KEY and device.confirmed

    code = demo_totp("admin")

    assert len(code) == 6 and code.isdigit()
    assert device.verify_token(code)
    assert device.verify_token(demo_totp("admin"))  # the next one too, though a code works once


def test_it_refuses_where_demo_data_is_switched_off(demo_admin, settings):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        demo_totp("admin")


def test_it_never_prints_a_code_of_a_real_authenticator(db):
    real = UserFactory(nickname="admin", is_superuser=True, is_staff=True)
    TOTPDevice.objects.create(user=real, name="phone", confirmed=True)  # its own random secret

    with pytest.raises(CommandError, match="no demo authenticator"):
        demo_totp("admin")


def test_loading_twice_changes_nothing(demo_admin):
    two_factor.load()

    assert TOTPDevice.objects.filter(user=demo_admin).count() == 1
