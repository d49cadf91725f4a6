import io

from django.core.management import call_command

from verkko.processes.models import Agreement, Commitment, Process, ProcessStep, Service


def test_the_demo_loads_twice_without_duplicates_and_answers_the_two_questions(db, client):
    call_command("load_demo", stdout=io.StringIO())
    counts = [model.objects.count() for model in (Process, ProcessStep, Service, Agreement, Commitment)]
    call_command("load_demo", stdout=io.StringIO())
    assert [model.objects.count() for model in (Process, ProcessStep, Service, Agreement, Commitment)] == counts
    assert set(Process.objects.filter(area__slug="oulu").values_list("slug", flat=True)) >= {
        "suuret-irtisanomiset",
        "tyonantajan-rekrytointi",
        "nuoren-ohjauspolku",
    }
    assert Service.objects.filter(source=Service.Source.ROLE_TEXT).exists()  # the roles' texts became records

    # Which service for a young job seeker in Kempele?
    response = client.get("/fi/oulu/services/", {"q": "palvelut nuorelle Kempeleessä"})
    names = [service.name for service in response.context["services"]]
    assert "Kempeleen nuorten työpaja ja etsivä nuorisotyö" in names
    assert "Ohjaamo Oulu – nuorten matalan kynnyksen ohjaus" in names
    assert "Esittelyaineisto" in response.content.decode()  # invented, and the page says so

    # Who does what if a company in Oulu announces 80 redundancies?
    page = client.get("/fi/oulu/processes/suuret-irtisanomiset/").content.decode()
    assert "80 irtisanomista" in page
    assert "Infotilaisuus henkilöstölle" in page
    assert client.get("/fi/oulu/agreements/").context["ending_soon"]
    assert client.get("/fi/oulu/collaboration-model/").status_code == 200
