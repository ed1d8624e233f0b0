"""Bar charts drawn on the server as inline SVG (no JavaScript, no third-party library):
geometry here, markup in reports/templates/reports/bar_chart.html. Hidden cells ("<5")
and "x") are drawn as an empty bar with their label, never as their real size.

Each bar's name sits on its own line above the bar, so long module titles fit and the
chart stays readable when the admin's content column is narrow. Every coordinate is a
whole number: the admin runs in Ukrainian or Russian, whose number format writes decimal
commas, and SVG reads "15,4" as two numbers (the template also turns localisation off)."""

from .suppression import hidden, label

WIDTH = 560  # the viewBox; the SVG scales down to the column it sits in
NAME_HEIGHT, BAR_HEIGHT, GAP = 20, 20, 12
ROW = NAME_HEIGHT + BAR_HEIGHT + GAP
VALUE_ROOM = 64  # room right of the longest bar for its value


def bar_chart(title, items, columns) -> dict:
    """items: (label, count, or None / SECONDARY if hidden); columns: the two headings of
    the table a screen reader reads instead of the picture."""
    top = max([value for _name, value in items if not hidden(value) and value] or [1])
    bars = []
    for index, (name, value) in enumerate(items):
        width = 0 if hidden(value) or not value else round((WIDTH - VALUE_ROOM) * value / top)
        row_top = index * ROW
        bars.append(
            {
                "name": name,
                "name_y": row_top + 15,
                "y": row_top + NAME_HEIGHT,
                "width": width,
                "value_x": width + 6,
                "value_y": row_top + NAME_HEIGHT + 15,
                "value": label(value),
            }
        )
    return {
        "title": title,
        "columns": columns,
        "bars": bars,
        "width": WIDTH,
        "bar_height": BAR_HEIGHT,
        "height": max(len(items) * ROW - GAP, ROW),
    }
