"""Constants the tests share."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/Mexico_City")
NOW = datetime(2023, 2, 13, 10, 0, tzinfo=TZ)  # Monday
ROOT = Path(__file__).resolve().parents[2]
SEED_CSV = ROOT / "examples" / "seed-004.csv"
