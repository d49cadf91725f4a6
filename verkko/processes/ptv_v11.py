"""The national service catalogue's (Palvelutietovaranto, PTV) open API, version 11: reading an
organisation's services. Everything that knows the API's addresses and field names is here, so
that moving to version 12 changes this module only.

Read (no sign-in needed):

- ``GET {PTV_API_URL}/Service/list/organization?organizationId={id}&page={n}``: pages of the
  organisation's published services, ``{"pageNumber", "pageSize", "pageCount", "itemList": [...]}``;
  each service has ``id``, ``serviceNames`` and ``serviceDescriptions`` (``type``, ``language``,
  ``value``), ``languages``, ``areaType`` and ``areas`` (``type`` Municipality/Region…, with
  ``municipalities`` of ``code``), ``targetGroups`` (``code``), ``serviceChargeType`` and
  ``serviceChannels`` (``serviceChannel.id``).
- ``GET {PTV_API_URL}/ServiceChannel/list?guids={id},{id}``: the channels, with
  ``serviceChannelType`` (Phone, EChannel, WebPage, PrintableForm, ServiceLocation),
  ``phoneNumbers`` (``prefixNumber``, ``number``), ``emails`` and ``webPages``/``urls``
  (``value`` or ``url``) and ``addresses`` (``streetAddress.street``, ``streetNumber``,
  ``postOfficeName``).

Anything unreadable raises PtvError, so that an import saves nothing.
"""

from dataclasses import dataclass, field

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from verkko.ecosystem.models import Municipality, TargetGroup
from verkko.processes.models import Audience

PAGE_LIMIT = 50
TIMEOUT_SECONDS = 20
CHANNELS_PER_REQUEST = 50
# PTV's target-group codes (the Finto list): KR1 citizens, KR2 businesses and communities; their
# narrower codes map to Verkko's groups where one fits.
TARGET_GROUPS = {
    "KR1.2": TargetGroup.Code.YOUNG_PEOPLE,
    "KR1.3": TargetGroup.Code.OLDER_WORKERS,
    "KR1.8": TargetGroup.Code.IMMIGRANTS,
    "KR1.1": TargetGroup.Code.JOB_SEEKERS,
    "KR2": TargetGroup.Code.EMPLOYERS,
    "KR2.1": TargetGroup.Code.ENTREPRENEURS,
    "KR2.2": TargetGroup.Code.EMPLOYERS,
}
# Version 11 writes FreeOfCharge and Chargeable, as the public clients of the API read them;
# earlier versions wrote Free and Charged, which some services still carry.
CHARGE_TYPES = {
    "FreeOfCharge": "maksuton",
    "Chargeable": "maksullinen",
    "Free": "maksuton",
    "Charged": "maksullinen",
    "Other": "",
}


class PtvError(Exception):
    """The catalogue could not be read, or its answer was not what version 11 promises."""


@dataclass
class ImportedService:
    """One service as read from PTV, in Verkko's terms."""

    ptv_id: str
    name: str
    name_sv: str = ""
    name_en: str = ""
    description: str = ""
    description_sv: str = ""
    description_en: str = ""
    languages: str = ""
    cost: str = ""
    audience: str = Audience.JOB_SEEKERS
    target_groups: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    referral_phone: str = ""
    referral_email: str = ""
    referral_form_url: str = ""
    walk_in: str = ""

    def fields(self):
        """The values to save on a Service (its target groups and municipalities as objects)."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "ptv_id"}
        # The Finnish texts by their language fields, whatever the language of the page importing them.
        values["name_fi"], values["description_fi"] = values.pop("name"), values.pop("description")
        values["target_groups"] = list(TargetGroup.objects.filter(code__in=self.target_groups))
        values["municipalities"] = list(Municipality.objects.filter(code__in=self.municipalities))
        return values


def _get(client, path, params):
    try:
        response = client.get(settings.PTV_API_URL + path, params=params)
    except httpx.HTTPError as error:
        raise PtvError(_("The national service catalogue did not answer: %(error)s") % {"error": error}) from error
    if response.status_code == 404:
        raise PtvError(_("The national service catalogue does not know this organisation."))
    if response.status_code != 200:
        raise PtvError(
            _("The national service catalogue answered with an error (%(status)s).") % {"status": response.status_code}
        )
    try:
        return response.json()
    except ValueError as error:
        raise PtvError(_("The national service catalogue's answer was not JSON.")) from error


def _localized(items, kind=None):
    """{"fi": …, "sv": …, "en": …} of a list of {type, language, value}, of one type if given."""
    found = {}
    for item in items or []:
        if not isinstance(item, dict):
            raise PtvError(_("The national service catalogue's answer was not in the expected form."))
        if kind is not None and item.get("type") != kind:
            continue
        language, value = item.get("language"), (item.get("value") or "").strip()
        if language in ("fi", "sv", "en") and value and language not in found:
            found[language] = value
    return found


def _municipalities(service, area_codes):
    """Codes of the area's municipalities the service covers (all of them when it covers the country)."""
    if service.get("areaType") in ("WholeCountry", "WholeCountryExceptAlandIslands"):
        return []  # the whole area, as Verkko reads an empty list
    codes = set()
    for area in service.get("areas") or []:
        if area.get("type") == "Municipality" and area.get("code"):
            codes.add(str(area["code"]).zfill(3))
        for municipality in area.get("municipalities") or []:
            if municipality.get("code"):
                codes.add(str(municipality["code"]).zfill(3))
    return sorted(codes & set(area_codes))


def _apply_channels(imported, channels):
    for channel in channels:
        kind = channel.get("serviceChannelType")
        if kind == "Phone" and not imported.referral_phone:
            for phone in channel.get("phoneNumbers") or []:
                number = f"{phone.get('prefixNumber') or ''} {phone.get('number') or ''}".strip()
                if number:
                    imported.referral_phone = number[:60]
                    break
        if not imported.referral_email:
            for email in channel.get("emails") or channel.get("supportEmails") or []:
                if email.get("value"):
                    imported.referral_email = email["value"][:254]
                    break
        if kind in ("EChannel", "WebPage", "PrintableForm") and not imported.referral_form_url:
            for page in (channel.get("webPage") or []) + (channel.get("webPages") or []) + (channel.get("urls") or []):
                url = page.get("url") or page.get("value")
                if url and url.startswith(("http://", "https://")):
                    imported.referral_form_url = url[:500]
                    break
        if kind == "ServiceLocation" and not imported.walk_in:
            for address in channel.get("addresses") or []:
                street = address.get("streetAddress") or {}
                names = _localized(street.get("street")) if isinstance(street.get("street"), list) else {}
                post_office = (
                    _localized(street.get("postOfficeName")) if isinstance(street.get("postOfficeName"), list) else {}
                )
                text = " ".join(
                    part
                    for part in (names.get("fi", ""), street.get("streetNumber") or "", post_office.get("fi", ""))
                    if part
                )
                if text:
                    imported.walk_in = text[:300]
                    break


def read_service(service, channels_by_id, area_codes):
    """An ImportedService from one v11 service and the channels it is linked to."""
    if not isinstance(service, dict) or not service.get("id"):
        raise PtvError(_("The national service catalogue's answer was not in the expected form."))
    names = _localized(service.get("serviceNames"), "Name")
    if not names:
        raise PtvError(_("A service of the national service catalogue has no name: %(id)s") % {"id": service["id"]})
    descriptions = _localized(service.get("serviceDescriptions"), "Description") or _localized(
        service.get("serviceDescriptions"), "Summary"
    )
    groups = [TARGET_GROUPS[g["code"]] for g in service.get("targetGroups") or [] if g.get("code") in TARGET_GROUPS]
    employer_codes = {TargetGroup.Code.EMPLOYERS, TargetGroup.Code.ENTREPRENEURS}
    is_for_employers = bool(groups) and set(groups) <= employer_codes
    imported = ImportedService(
        ptv_id=str(service["id"]),
        name=(names.get("fi") or names.get("sv") or names.get("en"))[:200],
        name_sv=names.get("sv", "")[:200],
        name_en=names.get("en", "")[:200],
        description=descriptions.get("fi", ""),
        description_sv=descriptions.get("sv", ""),
        description_en=descriptions.get("en", ""),
        languages=", ".join(code for code in service.get("languages") or [] if isinstance(code, str))[:100],
        cost=CHARGE_TYPES.get(service.get("serviceChargeType") or "", ""),
        audience=Audience.EMPLOYERS if is_for_employers else Audience.JOB_SEEKERS,
        target_groups=sorted(set(groups)),
        municipalities=_municipalities(service, area_codes),
    )
    linked = [(link.get("serviceChannel") or {}).get("id") for link in service.get("serviceChannels") or [] if link]
    _apply_channels(imported, [channels_by_id[channel_id] for channel_id in linked if channel_id in channels_by_id])
    return imported


def read_services(organization_ptv_id, area_codes, client=None):
    """Every published service of the organisation in PTV, as ImportedService; raises PtvError."""
    own_client = client is None
    client = client or httpx.Client(timeout=TIMEOUT_SECONDS, headers={"User-Agent": "Verkko service catalogue"})
    try:
        services, page, page_count = [], 1, 1
        while page <= page_count:
            answer = _get(
                client, "/Service/list/organization", {"organizationId": str(organization_ptv_id), "page": page}
            )
            if not isinstance(answer, dict) or not isinstance(answer.get("itemList") or [], list):
                raise PtvError(_("The national service catalogue's answer was not in the expected form."))
            services += answer.get("itemList") or []
            page_count = min(int(answer.get("pageCount") or 1), PAGE_LIMIT)
            page += 1
        channel_ids = sorted(
            {
                (link.get("serviceChannel") or {}).get("id")
                for service in services
                if isinstance(service, dict)
                for link in service.get("serviceChannels") or []
                if link and (link.get("serviceChannel") or {}).get("id")
            }
        )
        channels = {}
        for start in range(0, len(channel_ids), CHANNELS_PER_REQUEST):
            chunk = channel_ids[start : start + CHANNELS_PER_REQUEST]
            answer = _get(client, "/ServiceChannel/list", {"guids": ",".join(chunk)})
            if not isinstance(answer, list):
                raise PtvError(_("The national service catalogue's answer was not in the expected form."))
            channels.update(
                {channel["id"]: channel for channel in answer if isinstance(channel, dict) and channel.get("id")}
            )
        return [read_service(service, channels, area_codes) for service in services]
    except (AttributeError, TypeError, KeyError, ValueError) as error:
        raise PtvError(_("The national service catalogue's answer was not in the expected form.")) from error
    finally:
        if own_client:
            client.close()
