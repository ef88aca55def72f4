"""Constants the tests share."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/Mexico_City")
NOW = datetime(2023, 2, 13, 10, 0, tzinfo=TZ)  # Monday
ROOT = Path(__file__).resolve().parents[2]
# A synthetic registry for the tests: the seed's working-meeting commitments under made-up official codes, with
# made-up deadlines and areas, so that lists, deadlines and areas have something to work on. The faithful example
# (no invented code, date or area) is examples/seed-004.docx and examples/seed-004.csv.
SEED_CSV = ROOT / "tests" / "support" / "registry.csv"
