"""Bar charts drawn on the server as inline SVG (no JavaScript, no third-party library):
geometry here, markup in reports/templates/reports/bar_chart.html. Hidden cells ("<5")
and "x") are drawn as an empty bar with their label, never as their real size."""

from .suppression import hidden, label

WIDTH, LABEL_WIDTH, BAR_HEIGHT, GAP = 640, 220, 22, 10


def bar_chart(title, items) -> dict:
    """items: (label, count, or None / SECONDARY if hidden)."""
    top = max([value for _name, value in items if not hidden(value) and value] or [1])
    bars = []
    for index, (name, value) in enumerate(items):
        width = 0 if hidden(value) or not value else round((WIDTH - LABEL_WIDTH - 60) * value / top)
        bars.append(
            {
                "name": name,
                "y": index * (BAR_HEIGHT + GAP),
                "width": width,
                "text_y": index * (BAR_HEIGHT + GAP) + BAR_HEIGHT * 0.7,
                "value_x": LABEL_WIDTH + width + 6,
                "value": label(value),
            }
        )
    return {
        "title": title,
        "bars": bars,
        "width": WIDTH,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "height": max(len(items) * (BAR_HEIGHT + GAP), BAR_HEIGHT),
    }
