"""Two-factor authentication for staff (accounts/two_factor/): coordinators may switch it
off for their organisation's staff who lost their phone, so that they can set it up again.
Admins hold every permission."""

from django.db import migrations

from accounts.permission_setup import create_all_permissions


def grant(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="accounts", codename="reset_second_factor")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_strong_join_codes"),
        # The devices live in django-otp's apps; create_all_permissions needs them migrated.
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="user",
            options={
                "permissions": [
                    ("view_trainees", "Can see the organisation's trainees"),
                    ("reset_trainee_password", "Can set a new password for the organisation's trainees"),
                    (
                        "reset_second_factor",
                        "Can switch off two-factor authentication of the organisation's staff",
                    ),
                ],
                "verbose_name": "user",
                "verbose_name_plural": "users",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
