"""Each organisation chooses which optional questions its trainees are asked (age, gender,
work setting); coordinators choose for their own organisation. Admins hold every
permission."""

from django.db import migrations, models

from accounts.permission_setup import create_all_permissions


def grant(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="accounts", codename="choose_questions")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_second_factor_permission"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="organisation",
            options={
                "permissions": [
                    ("view_reports", "Can see the organisation's reports and exports"),
                    (
                        "choose_questions",
                        "Can choose which optional questions the organisation's trainees are asked",
                    ),
                ],
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.AddField(
            model_name="organisation",
            name="asks_age_band",
            field=models.BooleanField(default=True, verbose_name="ask trainees their age"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="asks_gender",
            field=models.BooleanField(default=True, verbose_name="ask trainees their gender"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="asks_work_setting",
            field=models.BooleanField(default=True, verbose_name="ask trainees where they mostly work"),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
