from django import template
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import get_language

from quizzes.selectors import knowledge_gain, quiz_standing

register = template.Library()


@register.simple_tag
def translated(obj, field):
    """A parler field in the visitor's language, or in the other language with its code
    when this one is missing (the template shows a small label then; never an empty field)."""
    languages = [get_language()] + [code for code, _ in settings.LANGUAGES if code != get_language()]
    for code in languages:
        text = obj.safe_translation_getter(field, language_code=code) if obj.has_translation(code) else ""
        if text:
            return {"text": text, "other": None if code == languages[0] else code}
    return {"text": "", "other": None}


@register.inclusion_tag("quizzes/other_language.html")
def other_language(value):
    return {"value": value}


@register.simple_tag(takes_context=True)
def quiz_standing_for(context, quiz):
    request = context.get("request")  # absent when a block is rendered on its own
    standings = context.get("quiz_standings")  # a module page reads all its tests' at once
    if standings is not None and request is not None and request.user.is_authenticated:
        return standings.get(quiz.pk, NEVER_TRIED)
    return quiz_standing(user=request.user if request else AnonymousUser(), quiz=quiz)


NEVER_TRIED = {"best": None, "passed": False, "used": 0, "open": None}


@register.simple_tag(takes_context=True)
def knowledge_gain_for(context, course):
    """The trainee's pre-test and final-test scores for a course page (None until both)."""
    request = context.get("request")
    user = request.user if request else AnonymousUser()
    return knowledge_gain(user=user, pre_test_id=course.pre_test_id, final_test_id=course.final_test_id)
