"""The report's chart: open items by area, stacked by how long they have been open (matplotlib, PNG)."""

from __future__ import annotations

import io

from bot.i18n import t

BUCKETS = ((0, 30), (30, 90), (90, 10**6))
COLORS = ("#9ecae1", "#4292c6", "#08519c")


def age_buckets(ages: dict[str, list[int]]) -> dict[str, tuple[int, int, int]]:
    """Area → how many open items are under 30 days old, 30 to 90, and over 90."""
    return {
        area: tuple(sum(1 for d in days if low <= d < high) for low, high in BUCKETS)  # type: ignore[misc]
        for area, days in ages.items()
    }


def open_by_age_png(ages: dict[str, list[int]], lang: str) -> bytes | None:
    """A horizontal stacked bar chart as PNG bytes; None when nothing is open."""
    counts = age_buckets(ages)
    if not counts:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    areas = sorted(counts, key=lambda a: sum(counts[a]))
    fig, ax = plt.subplots(figsize=(7.5, max(1.8, 0.38 * len(areas) + 1.0)), dpi=150)
    left = [0] * len(areas)
    for index, color in enumerate(COLORS):
        values = [counts[a][index] for a in areas]
        ax.barh(areas, values, left=left, color=color, label=t(f"report.age_{index}", lang))
        left = [x + v for x, v in zip(left, values, strict=True)]
    ax.set_title(t("report.chart", lang), fontsize=11)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
