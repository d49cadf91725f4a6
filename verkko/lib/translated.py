"""Content in Finnish, Swedish and English: the one mechanism every model uses.

Each app registers its texts (names, descriptions …) in its ``translation.py`` with
django-modeltranslation, which gives every text the columns ``<field>_fi``, ``<field>_sv`` and
``<field>_en``. Reading ``obj.<field>`` gives the text in the active language, or the Finnish
one when none is given. Pages show texts through the ``translated`` filter
(``{{ goal|translated:"title" }}``), which marks a Finnish text shown on a Swedish or English
page; forms ask for the three languages with ``language_fields``.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


IN_LANGUAGE = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}


class ContentTranslation(TranslationOptions):
    """Translation options of Verkko's texts: Finnish is required (if the field is), others optional."""

    required_languages = (DEFAULT_LANGUAGE,)
    # An empty Swedish or English text is stored as "" like every other empty text, not NULL.
    empty_values = ""


def language_fields(*fields):
    """The form fields of texts in every language, Finnish first: title_fi, title_sv, title_en …"""
    return [f"{field}_{language}" for field in fields for language in LANGUAGE_CODES]


def in_language(obj, field, language=None):
    """(text, its language): the text in the language, or the Finnish one when it has none."""
    language = (language or get_language() or DEFAULT_LANGUAGE)[:2]
    if language != DEFAULT_LANGUAGE:
        text = getattr(obj, f"{field}_{language}", None)
        if text:
            return text, language
    return getattr(obj, f"{field}_{DEFAULT_LANGUAGE}", None) or "", DEFAULT_LANGUAGE


def marked(text, language, html_text=None):
    """The text as HTML; a Finnish text on a page in another language is marked as such."""
    html_text = format_html("{}", text) if html_text is None else html_text
    if not text or language == (get_language() or DEFAULT_LANGUAGE)[:2]:
        return html_text
    return format_html(
        '<span lang="{}">{}</span> <small class="fallback-marker">{}</small>',
        language,
        html_text,
        _("(in Finnish)"),
    )


def fill_languages(app_label, fields_by_model):
    """A data migration that makes the language columns of texts complete, losing nothing.

    Where the Finnish column is new it gets the text the field held; where the field itself is
    new (the model had its own ``name_fi``), it gets the Finnish text; a new Swedish or English
    column starts empty. Hand-made ``_sv``/``_en`` columns with modeltranslation's names keep
    their values. Going back writes the Finnish text into the field.
    """
    from django.db import migrations
    from django.db.models import F, Q

    def forward(apps, schema_editor):
        for model_name, fields in fields_by_model.items():
            model = apps.get_model(app_label, model_name)
            for field in fields:
                finnish = f"{field}_{DEFAULT_LANGUAGE}"
                model.objects.filter(**{f"{finnish}__isnull": True}).update(**{finnish: F(field)})
                model.objects.filter(**{field: ""}).exclude(**{f"{finnish}__isnull": True}).update(
                    **{field: F(finnish)}
                )
                for language in LANGUAGE_CODES:
                    if language != DEFAULT_LANGUAGE:
                        model.objects.filter(**{f"{field}_{language}__isnull": True}).update(
                            **{f"{field}_{language}": ""}
                        )
        _check_constraints_now(schema_editor)

    def backward(apps, schema_editor):
        for model_name, fields in fields_by_model.items():
            model = apps.get_model(app_label, model_name)
            for field in fields:
                finnish = f"{field}_{DEFAULT_LANGUAGE}"
                model.objects.filter(~Q(**{finnish: ""}), **{f"{finnish}__isnull": False}).update(**{field: F(finnish)})
        _check_constraints_now(schema_editor)

    return migrations.RunPython(forward, backward)


def _check_constraints_now(schema_editor):
    """Fire PostgreSQL's deferred checks of the rows just updated.

    A migration runs in one transaction; a later ALTER TABLE on a table with deferred checks still
    pending is refused ("pending trigger events"), so the checks run here, at the end of the data step.
    """
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@dataclass(frozen=True)
class LanguageField:
    """A form field that holds one language of a text: forms group a text's languages in a fieldset."""

    language: str
    language_name: str
    legend: str
    first: bool
    last: bool

    @property
    def optional_note(self):
        return _("(optional)")

    @property
    def full_label(self):
        """For the error summary: "Text in Swedish"."""
        return f"{self.legend} {IN_LANGUAGE[self.language]}"


def _text_of(form, name):
    """The translated text a form field of a model form holds one language of (title_sv → title), or None."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    try:
        model_field = model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None
    return model_field if isinstance(model_field, TranslationField) else None


def language_field(bound_field):
    """The LanguageField of a bound form field (``includes/form_fields.html``), or None for other fields."""
    form = bound_field.form
    model_field = _text_of(form, bound_field.name)
    if model_field is None:
        return None
    names = [field.name for field in form.visible_fields()]
    index = names.index(bound_field.name) if bound_field.name in names else 0

    def same_text(neighbour):
        other = _text_of(form, names[neighbour]) if 0 <= neighbour < len(names) else None
        return other is not None and other.translated_field.name == model_field.translated_field.name

    return LanguageField(
        language=model_field.language,
        language_name=dict(settings.LANGUAGES)[model_field.language],
        legend=model_field.translated_field.verbose_name,
        first=not same_text(index - 1),
        last=not same_text(index + 1),
    )


def finnish_text(data, field):
    """The Finnish text of field in validated data, given by its language field (name_fi) or plainly (name)."""
    return data.get(f"{field}_{DEFAULT_LANGUAGE}") or data.get(field) or ""


@functools.cache
def _language_columns(model):
    """The Swedish and English columns of a model's translated texts (none for a model without any)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    return tuple(
        field.name
        for fields in options.all_fields.values()
        for field in fields
        if field.language != DEFAULT_LANGUAGE and not field.translated_field.null
    )


def store_missing_translations_as_empty(sender, instance, **kwargs):
    """A translation not given is stored as "" like every other empty text (never NULL), so that
    exports, the API and comparisons see one kind of empty; reading still falls back to Finnish."""
    for name in _language_columns(sender):
        if getattr(instance, name) is None:
            setattr(instance, name, "")
