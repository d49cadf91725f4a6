"""Who may see and change processes, services, agreements, commitments and model versions of one area.

The service catalogue is public: staff of any partner and the public find a service to refer a
person to. Processes and agreements are public or for partners only, like forums and goals; a
commitment is seen where its agreement or action is seen; the adopted versions of the
collaboration model are for the area's partners. Coordinators keep everything; a partner editor
keeps the services of their own organisation.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from verkko.accounts.access import can_edit_organization, edited_organization_ids, is_coordinator, is_partner
from verkko.ecosystem.models import Visibility
from verkko.goals.access import visible_actions
from verkko.lib.access import PartnerOnly, get_visible_or_404
from verkko.processes.models import Agreement, AgreementDocument, Commitment, ModelVersion, Process, Service


def can_manage(user, area):
    """Processes, agreements, commitments and model versions are the coordinators' to keep."""
    return is_coordinator(user, area)


def _visible(queryset, user, area):
    return queryset if is_partner(user, area) else queryset.filter(visibility=Visibility.PUBLIC)


def visible_processes(user, area):
    return _visible(Process.objects.filter(area=area), user, area)


def get_process_or_404(user, area, slug):
    visible = visible_processes(user, area).select_related("owner", "area")
    return get_visible_or_404(visible, Process.objects.filter(area=area), slug=slug)


def area_services(area):
    return Service.objects.filter(area=area, organization__archived_at__isnull=True)


def get_service_or_404(area, uuid):
    return get_object_or_404(
        Service.objects.select_related("organization", "contact_person__organization"), area=area, uuid=uuid
    )


def can_add_service(user, area):
    return is_coordinator(user, area) or bool(edited_organization_ids(user, area))


def service_organization_ids(user, area):
    """The organisations whose services the user may add: all for coordinators, else their own."""
    return None if is_coordinator(user, area) else edited_organization_ids(user, area)


def can_edit_service(user, service):
    return can_edit_organization(user, service.organization)


def visible_agreements(user, area):
    return _visible(Agreement.objects.filter(area=area), user, area)


def get_agreement_or_404(user, area, uuid):
    visible = visible_agreements(user, area).select_related("forum", "area")
    return get_visible_or_404(visible, Agreement.objects.filter(area=area), uuid=uuid)


def get_document_or_404(user, area, uuid):
    document = get_object_or_404(AgreementDocument.objects.select_related("agreement"), agreement__area=area, uuid=uuid)
    if not (document.agreement.is_public or is_partner(user, area)):
        raise PartnerOnly
    return document


def visible_commitments(user, area):
    """Commitments to agreements and actions the user may see, of the area's organisations."""
    agreements = visible_agreements(user, area)
    actions = visible_actions(user, area)
    commitments = Commitment.objects.filter(organization__area=area)
    return commitments.filter(Q(agreement__in=agreements) | Q(action__in=actions))


def get_commitment_or_404(user, area, uuid):
    return get_object_or_404(visible_commitments(user, area), uuid=uuid)


def can_see_versions(user, area):
    return is_partner(user, area)


def get_version_or_404(user, area, uuid):
    version = get_object_or_404(ModelVersion.objects.select_related("adopted_by"), area=area, uuid=uuid)
    if not can_see_versions(user, area):
        raise PartnerOnly
    return version
