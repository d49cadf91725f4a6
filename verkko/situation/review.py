"""The monthly review's draft, written by code from the month's figures and signals in fi, sv and en.

Every sentence is a translatable template; numbers are formatted in each language's own way
(fi and sv 12 345,6; en 12,345.6) by rendering each language under translation.override.
"""

from collections import Counter

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from verkko.lib.formatting import format_date, format_number, format_period, format_signed, rounded
from verkko.situation.figures import Place, key_figures, municipality_rows
from verkko.situation.measures import KEY_MEASURES, RATE
from verkko.situation.models import Signal
from verkko.stats.periods import Period

LANGUAGES = ("fi", "sv", "en")
_IN_MONTH = [
    gettext_lazy("in January %(year)s"),
    gettext_lazy("in February %(year)s"),
    gettext_lazy("in March %(year)s"),
    gettext_lazy("in April %(year)s"),
    gettext_lazy("in May %(year)s"),
    gettext_lazy("in June %(year)s"),
    gettext_lazy("in July %(year)s"),
    gettext_lazy("in August %(year)s"),
    gettext_lazy("in September %(year)s"),
    gettext_lazy("in October %(year)s"),
    gettext_lazy("in November %(year)s"),
    gettext_lazy("in December %(year)s"),
]


def month_signals(area, month):
    """The month's verified public signals: a published review is public, so only these go in it."""
    return (
        Signal.objects.filter(
            area=area,
            status=Signal.Status.VERIFIED,
            visibility="public",
            date__year=month.year,
            date__month=month.month,
        )
        .select_related("municipality")
        .order_by("date", "pk")
    )


def draft(table, area, month):
    """{language: (title, text)} for the area's month, from the figures and the verified public signals."""
    municipalities = list(area.municipalities.all())
    figures = key_figures(table, Place.of_area(area, municipalities), month)
    rows = municipality_rows(table, municipalities, [RATE], month)
    signals = list(month_signals(area, month))
    kind_counts = Counter(signal.kind for signal in signals)
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = (
                _title(area, month),
                "\n\n".join(
                    paragraph
                    for paragraph in (
                        _headline(area, month, figures),
                        _risers_and_fallers(figures),
                        _municipalities(rows),
                        _signals(signals, kind_counts),
                        _source(table),
                    )
                    if paragraph
                ),
            )
    return texts


def review_fields(table, area, month):
    """The draft as Review fields: title_fi, text_fi, title_sv … and whether the figures are invented."""
    fields = {"from_demo_figures": table.source == "demo"}
    for language, (title, text) in draft(table, area, month).items():
        fields[f"title_{language}"] = title
        fields[f"text_{language}"] = text
    return fields


def _title(area, month):
    return _("Employment review %(month)s – %(area)s") % {"month": format_period(Period.of(month)), "area": area}


def _headline(area, month, figures):
    by_code = {figure.measure.code: figure for figure in figures}
    unemployed, rate = by_code[KEY_MEASURES[0].code], by_code[RATE.code]
    if not unemployed.current.known:
        return _("%(area)s: no figures for the month yet.") % {"area": area}
    sentences = [
        _(
            "%(area)s: %(month)s there were %(unemployed)s unemployed job seekers, "
            "%(rate)s %% of the labour force (whole country %(country_rate)s %%)."
        )
        % {
            "area": area,
            "month": _IN_MONTH[month.month - 1] % {"year": month.year},
            "unemployed": format_number(unemployed.current.value),
            "rate": format_number(rate.current.value, 1),
            "country_rate": format_number(rate.country.value, 1),
        }
    ]
    if unemployed.change_on_month is not None and unemployed.change_on_year is not None:
        sentences.append(
            _("There were %(on_month)s and %(on_year)s.")
            % {
                "on_month": _compared(
                    unemployed.change_on_month,
                    _("%(count)s more than in the previous month"),
                    _("%(count)s fewer than in the previous month"),
                    _("as many as in the previous month"),
                ),
                "on_year": _compared(
                    unemployed.change_on_year,
                    _("%(count)s (%(percent)s %%) more than a year earlier"),
                    _("%(count)s (%(percent)s %%) fewer than a year earlier"),
                    _("as many as a year earlier"),
                    percent=unemployed.percent_change_on_year,
                ),
            }
        )
    if rate.change_on_year is not None:
        sentences.append(
            _compared(
                rate.change_on_year,
                _("The unemployment rate was %(count)s percentage points higher than a year earlier."),
                _("The unemployment rate was %(count)s percentage points lower than a year earlier."),
                _("The unemployment rate was the same as a year earlier."),
                decimals=1,
            )
        )
    return " ".join(sentences)


def _compared(change, more, fewer, same, decimals=0, percent=None):
    """The change as words: "331 fewer than …", "961 (5,6 %) more than …" or "as many as …"."""
    shown = rounded(change, decimals)
    if not shown:
        return same
    values = {"count": format_number(abs(shown), decimals)}
    if percent is not None:
        values["percent"] = format_number(abs(percent), 1)
    return (more if shown > 0 else fewer) % values


def _risers_and_fallers(figures):
    changes = [
        (figure, figure.percent_change_on_year)
        for figure in figures[1:]
        # An incomplete sum against a complete one would show a change that did not happen.
        if figure.percent_change_on_year is not None and figure.complete
    ]
    rose = sorted((item for item in changes if round(item[1], 1) > 0), key=lambda item: -item[1])
    fell = sorted((item for item in changes if round(item[1], 1) < 0), key=lambda item: item[1])

    def listed(items):
        return ", ".join(f"{figure.measure.label} {format_signed(percent, 1)} %" for figure, percent in items)

    sentences = []
    if rose:
        sentences.append(_("Compared with a year earlier, these rose: %(list)s.") % {"list": listed(rose)})
    if fell:
        sentences.append(_("These fell: %(list)s.") % {"list": listed(fell)})
    incomplete = [str(figure.measure.label) for figure in figures if not figure.complete]
    if incomplete:
        sentences.append(
            _("Incomplete, as a municipality's figure is suppressed: %(list)s.") % {"list": ", ".join(incomplete)}
        )
    return " ".join(sentences)


def _municipalities(rows):
    changes = []
    for row in rows:
        now, before = row.values[RATE.code], row.year_ago[RATE.code]
        if now.known and before.known:
            changes.append((row.municipality, now.value, now.value - before.value))
    if len(changes) < 2:
        return ""
    riser = max(changes, key=lambda item: item[2])
    faller = min(changes, key=lambda item: item[2])
    highest = max(changes, key=lambda item: item[1])
    lowest = min(changes, key=lambda item: item[1])
    sentences = []
    if round(riser[2], 1) > 0:
        sentences.append(
            _(
                "Among the municipalities, the unemployment rate rose most over the year in %(name)s "
                "(%(points)s percentage points, to %(rate)s %%)."
            )
            % {"name": riser[0].name, "points": format_signed(riser[2], 1), "rate": format_number(riser[1], 1)}
        )
    if round(faller[2], 1) < 0:
        sentences.append(
            _("It fell most in %(name)s (%(points)s percentage points, to %(rate)s %%).")
            % {"name": faller[0].name, "points": format_signed(faller[2], 1), "rate": format_number(faller[1], 1)}
        )
    sentences.append(
        _("Highest rate: %(highest)s (%(highest_rate)s %%); lowest: %(lowest)s (%(lowest_rate)s %%).")
        % {
            "highest": highest[0].name,
            "highest_rate": format_number(highest[1], 1),
            "lowest": lowest[0].name,
            "lowest_rate": format_number(lowest[1], 1),
        }
    )
    return " ".join(sentences)


def _signals(signals, kind_counts):
    if not signals:
        return _("Partners reported no verified public signals for the month.")
    by_kind = ", ".join(f"{label} {kind_counts[kind]}" for kind, label in Signal.Kind.choices if kind_counts.get(kind))
    lines = [
        ngettext(
            "Partners reported %(count)s verified signal for the month (%(kinds)s):",
            "Partners reported %(count)s verified signals for the month (%(kinds)s):",
            len(signals),
        )
        % {"count": format_number(len(signals)), "kinds": by_kind}
    ]
    for signal in signals:
        details = [str(signal.get_kind_display()).capitalize()]
        details.append(signal.municipality.name if signal.municipality else _("whole area"))
        if signal.industry:
            details.append(str(signal.get_industry_display()))
        if signal.headcount:
            details.append(
                ngettext("%(count)s person", "%(count)s people", signal.headcount)
                % {"count": format_number(signal.headcount)}
            )
        lines.append("– " + ", ".join(details))
    return "\n".join(lines)


def _source(table):
    sentences = []
    if table.source == "demo":
        sentences.append(_("The figures are invented demo figures, not statistics."))
    sentences.append(
        _("Source: Statistics Finland, employment service statistics, table %(table)s (updated %(updated)s).")
        % {
            "table": table.table_id,
            "updated": format_date(table.updated),
        }
    )
    return " ".join(sentences)
