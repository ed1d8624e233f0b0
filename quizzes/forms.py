"""Admin forms: a question's texts in every configured language side by side, with its
choices. Fields are named <text>_<language code>, one per language in settings.LANGUAGES.

The correct choices are one key for all languages; only texts are per language."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from common.languages import language_codes, language_name

from .models import Choice, Question

QUESTION = _("Question (%(language)s)")
EXPLANATION = _("Explanation (%(language)s)")
ANSWER = _("Answer (%(language)s)")
FEEDBACK = _("Feedback (%(language)s)")


def _in(label, code) -> str:
    return label % {"language": language_name(code)}


def _text_field(label, code, **options):
    """A text in one language; its label is also the widget's accessible name where a
    table shows no label."""
    options.setdefault("widget", forms.TextInput)
    field = forms.CharField(label=_in(label, code), required=False, **options)
    field.widget.attrs["aria-label"] = field.label
    return field


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("type"), choices=Question.Kind.choices)
    points = forms.IntegerField(label=_("points"), min_value=1, max_value=20, initial=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in (("text", QUESTION), ("explanation", EXPLANATION)):
            for code in language_codes():
                self.fields[f"{name}_{code}"] = _text_field(
                    label, code, widget=forms.Textarea(attrs={"rows": 3})
                )

    def rows(self):
        """The question in every language side by side, then its explanation."""
        return [[self[f"{name}_{code}"] for code in language_codes()] for name in ("text", "explanation")]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"text_{code}") for code in language_codes()):
            raise forms.ValidationError(_("Write the question in at least one language."))
        return cleaned


class ChoiceForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    is_correct = forms.BooleanField(label=_("correct"), required=False)
    order = forms.IntegerField(label=_("order"), min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in language_codes():
            self.fields[f"text_{code}"] = _text_field(ANSWER, code, max_length=300)
            self.fields[f"feedback_{code}"] = _text_field(FEEDBACK, code)

    def languages(self):
        """(answer, feedback) fields per language, in the order of the table's columns."""
        return [(self[f"text_{code}"], self[f"feedback_{code}"]) for code in language_codes()]

    def is_blank(self):
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(f"text_{code}") for code in language_codes())


class BaseChoiceFormSet(forms.BaseFormSet):
    def __init__(self, *args, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind

    def headings(self):
        return [_in(ANSWER, code) for code in language_codes()]

    def alive(self):
        return [
            f for f in self.forms if f.is_valid() and not f.is_blank() and not self._should_delete_form(f)
        ]

    def clean(self):
        if any(self.errors):
            return
        choices = self.alive()
        correct = sum(1 for f in choices if f.cleaned_data["is_correct"])
        for problem in question_problems(self.kind, len(choices), correct):
            raise forms.ValidationError(problem)


ChoiceFormSet = forms.formset_factory(ChoiceForm, formset=BaseChoiceFormSet, extra=2, can_delete=True)


def question_problems(kind, choice_count, correct_count) -> list:
    """What is wrong with a question's answer key, as messages for the trainer."""
    problems = []
    if choice_count < 2:
        problems.append(_("A question needs at least two answers."))
    if kind == Question.Kind.TRUE_OR_FALSE and choice_count != 2:
        problems.append(_("A true-or-false question has exactly two answers."))
    if kind in (Question.Kind.SINGLE_CHOICE, Question.Kind.TRUE_OR_FALSE) and correct_count != 1:
        problems.append(_("Mark exactly one answer as correct."))
    if kind == Question.Kind.MULTIPLE_CHOICE and correct_count < 1:
        problems.append(_("Mark at least one answer as correct."))
    return problems


def true_false_texts(code) -> list[str]:
    """The two answers of a true-or-false question, in the language `code`."""
    with translation.override(code):
        return [pgettext("true-or-false answer", "True"), pgettext("true-or-false answer", "False")]


def true_false_initial() -> list[dict]:
    """A new true-or-false question's two answer rows, written in every language."""
    texts = {code: true_false_texts(code) for code in language_codes()}
    return [{f"text_{code}": texts[code][row] for code in language_codes()} for row in (0, 1)]


def question_initial(question: Question):
    initial = {"kind": question.kind, "points": question.points}
    for language in language_codes():
        if question.has_translation(language):
            translation = question.get_translation(language)
            initial[f"text_{language}"] = translation.text
            initial[f"explanation_{language}"] = translation.explanation
    return initial


def choices_initial(question: Question):
    rows = []
    for choice in question.choices.prefetch_related("translations"):
        row = {"id": choice.pk, "is_correct": choice.is_correct, "order": choice.order}
        for language in language_codes():
            if choice.has_translation(language):
                translation = choice.get_translation(language)
                row[f"text_{language}"], row[f"feedback_{language}"] = translation.text, translation.feedback
        rows.append(row)
    return rows


def set_texts(obj, data, fields):
    """Write per-language texts; a language left empty has no translation at all, so the
    trainee sees the other language with a label rather than an empty field."""
    for language in language_codes():
        values = {field: data.get(f"{field}_{language}") or "" for field in fields}
        if values[fields[0]]:
            obj.set_current_language(language)
            for field, value in values.items():
                setattr(obj, field, value)
        elif obj.pk and obj.has_translation(language):
            obj.delete_translation(language)


def save_question(question: Question, form: QuestionForm, choices: BaseChoiceFormSet) -> Question:
    question.kind, question.points = form.cleaned_data["kind"], form.cleaned_data["points"]
    set_texts(question, form.cleaned_data, ("text", "explanation"))
    question.save()
    keep = []
    for position, choice_form in enumerate(choices.alive()):
        data = choice_form.cleaned_data
        choice = question.choices.filter(pk=data.get("id")).first() or Choice(question=question)
        choice.is_correct = data["is_correct"]
        choice.order = data["order"] if data.get("order") is not None else position
        set_texts(choice, data, ("text", "feedback"))
        choice.save()
        keep.append(choice.pk)
    question.choices.exclude(pk__in=keep).delete()
    return question
