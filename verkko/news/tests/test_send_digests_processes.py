"""Two ``manage.py send_digests`` processes started at the same time, on one database file: every
digest goes exactly once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PARTNERS = 30

SETUP = f"""
from datetime import timedelta
from django.utils import timezone
from verkko.accounts.models import Membership, User
from verkko.ecosystem.models import EmploymentArea, Organization
from verkko.news.digests import Frequency, period_of
from verkko.news.models import NewsItem
area = EmploymentArea.objects.create(name="Oulun työllisyysalue", slug="oulu")
organisation = Organization.objects.create(name="Organisaatio A", area=area)
for number in range({PARTNERS}):
    user = User.objects.create_user(f"kumppani{{number:02d}}@example.com")
    Membership.objects.create(user=user, organization=organisation)
start, end = period_of(Frequency.WEEKLY, timezone.now())
NewsItem.objects.create(area=area, title="Uusi rahoitushaku", body="…", audience="partners",
                        publish_at=start + timedelta(days=1))
"""

COUNT = """
from verkko.news.models import Digest
print(Digest.objects.filter(sent_at__isnull=False).count(), Digest.objects.count())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")
def test_two_processes_at_the_same_time_send_each_digest_once(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_URL", "EMAIL_"))}
    env.update({"VERKKO_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "verkko.settings", "DEBUG": "1"})

    def manage(*args):
        return [sys.executable, str(ROOT / "manage.py"), *args]

    subprocess.run(manage("migrate", "-v", "0"), env=env, cwd=ROOT, check=True, timeout=300)
    subprocess.run(manage("shell", "-v", "0", "-c", SETUP), env=env, cwd=ROOT, check=True, timeout=120)
    runs = [
        subprocess.Popen(
            manage("send_digests"), env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    # The console backend prints every message; each partner's digest is printed once in all.
    printed = "".join(out for out, _err in outputs)
    recipients = sorted(line for line in printed.splitlines() if line.startswith("To: "))
    assert recipients == [f"To: kumppani{number:02d}@example.com" for number in range(PARTNERS)]
    assert printed.count("List-Unsubscribe-Post: List-Unsubscribe=One-Click") == PARTNERS
    sent = [
        int(line.split("Digests sent: ")[1].split(",")[0]) for line in printed.splitlines() if "Digests sent" in line
    ]
    assert sum(sent) == PARTNERS
    counted = subprocess.run(
        manage("shell", "-v", "0", "-c", COUNT),
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert counted.stdout.split() == [str(PARTNERS), str(PARTNERS)]
