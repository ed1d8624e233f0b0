"""Answer-key policy per test (existing tests get their kind's usual rule) and extra
attempts, which trainers and coordinators may grant."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from accounts.permission_setup import create_all_permissions

DEFAULTS = {"pre_test": "never", "final": "after_passing"}  # others: "always"
ROLES = ["Trainers", "Coordinators"]


def fill_answer_key(apps, schema_editor):
    Quiz = apps.get_model("quizzes", "Quiz")
    for kind, policy in DEFAULTS.items():
        Quiz.objects.filter(kind=kind, answer_key="").update(answer_key=policy)
    Quiz.objects.filter(answer_key="").update(answer_key="always")


def grant_permissions(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="quizzes", codename__in=["add_attemptgrant", "view_attemptgrant"]
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ('quizzes', '0001_initial'),
        ('accounts', '0004_quiz_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='quiz',
            name='answer_key',
            field=models.CharField(blank=True, choices=[('always', 'After every attempt'), ('after_passing', 'Only after passing'), ('after_last_attempt', 'Only after the last attempt'), ('never', 'Never')], help_text='Leave empty for the usual rule: a pre-test never shows them, a final test only after passing, other tests after every attempt.', max_length=20, verbose_name='show the correct answers'),
        ),
        migrations.CreateModel(
            name='AttemptGrant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('extra', models.PositiveSmallIntegerField(default=1, verbose_name='extra attempts')),
                ('granted_at', models.DateTimeField(auto_now_add=True, verbose_name='granted at')),
                ('granted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('quiz', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='grants', to='quizzes.quiz', verbose_name='test')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attempt_grants', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'extra attempt',
                'verbose_name_plural': 'extra attempts',
            },
        ),
        migrations.RunPython(fill_answer_key, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
