"""Spending charts: deterministic PNGs that show what the answer holds, cached by what they show."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from bot import charts
from knowledge import gazetteer

US = charts.ChartSpec(
    title="United States: defence spending, % of GDP",
    points=((2014, 3.68, 0), (2024, 3.19, 0)),
    target=2.0,
    sources=("NATO annual report coverage · outlet not stated · 2025",),
)
# Two sources, both with figures for 2023 and 2024 a tenth of a point apart: the case that overlapped.
TWO_SOURCES = charts.ChartSpec(
    title="Poland: defence spending, % of GDP",
    points=((2014, 1.9, 1), (2022, 2.4, 0), (2023, 3.8, 1), (2023, 3.9, 0), (2024, 4.1, 0), (2024, 4.2, 1)),
    target=2.0,
    sources=(
        "Poland's defence budget keeps climbing as Warsaw buys tanks, howitzers and air defence · Vistula Daily · 2025-03-01",
        "Eastern flank allies outspend the rest of the alliance, a ranking finds · Baltic Monitor · 2025-04-01",
    ),
)


def pixels(png: bytes) -> Image.Image:
    """Return the decoded PNG."""
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def reds(image: Image.Image) -> int:
    """Return how many pixels are close to the target line's red."""
    data = image.convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if data[i] > 180 and data[i + 1] < 90 and data[i + 2] < 90)


def test_the_same_chart_gives_the_same_bytes() -> None:
    """No timestamps or other varying metadata: equal specs render to equal PNGs."""
    first, second = charts.render_png(US), charts.render_png(US)
    assert first.startswith(b"\x89PNG\r\n\x1a\n") and first == second
    assert pixels(first).size == (charts.WIDTH, charts.HEIGHT)


def test_the_target_line_is_drawn_only_when_the_store_states_one() -> None:
    """Red (the target line and its label) appears with a target and not without one."""
    with_target = reds(pixels(charts.render_png(US)))
    without = reds(pixels(charts.render_png(US.__class__(US.title, US.points, None, US.sources))))
    assert with_target > 100 and without == 0


def test_different_figures_give_different_charts() -> None:
    """The points are drawn: changing one value changes the picture."""
    moved = charts.ChartSpec(US.title, ((2014, 3.68, 0), (2024, 1.5, 0)), US.target, US.sources)
    assert charts.render_png(moved) != charts.render_png(US)


def test_repeated_charts_come_from_the_cache() -> None:
    """A chart already drawn is not drawn again."""
    charts.cached_png.cache_clear()
    charts.cached_png(US)
    charts.cached_png(US)
    info = charts.cached_png.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def colour_count(image: Image.Image, rgb: tuple[int, int, int]) -> int:
    """Return how many pixels are within a small distance of a colour."""
    data = image.convert("RGB").tobytes()
    return sum(
        1
        for i in range(0, len(data), 3)
        if abs(data[i] - rgb[0]) + abs(data[i + 1] - rgb[1]) + abs(data[i + 2] - rgb[2]) < 30
    )


def test_the_font_has_every_letter_of_every_country_name() -> None:
    """Names like "Türkiye" render as letters, not as the font's missing-glyph box."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    font = FT2Font(font_manager.findfont("DejaVu Sans"))
    letters = {c for country in gazetteer.COUNTRIES for c in country.name if not c.isspace()}
    assert len(letters) > 40 and "ü" in letters
    assert sorted(c for c in letters if font.get_char_index(ord(c)) == 0) == []


def test_lines_are_anti_aliased() -> None:
    """Edges blend into the background: many shades, not the handful of colours a stair-step line has."""
    image = pixels(charts.render_png(US)).convert("RGB")
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 100


def test_two_sources_are_told_apart() -> None:
    """Each source has its own colour, and both are drawn; one source draws no second colour."""
    second = tuple(int(charts.SERIES[1][0][i : i + 2], 16) for i in (1, 3, 5))
    assert colour_count(pixels(charts.render_png(TWO_SOURCES)), second) > 100  # type: ignore[arg-type]
    assert colour_count(pixels(charts.render_png(US)), second) == 0  # type: ignore[arg-type]


def test_value_labels_never_overlap() -> None:
    """Labels of close values in one year are moved apart: no two label boxes intersect."""
    crowded = charts.ChartSpec(
        "Crowded",
        tuple((2024, 4.0 + i / 100, i) for i in range(5)) + tuple((2025, 4.0 + i / 100, i) for i in range(5)),
        2.0,
        tuple(f"Source {i}" for i in range(5)),
    )
    for spec in (TWO_SOURCES, crowded):
        figure, labels = charts.draw(spec)
        renderer = FigureCanvasAgg(figure).get_renderer()
        boxes = [label.get_window_extent(renderer) for label in labels]
        assert len(boxes) == len(spec.points)
        for i, box in enumerate(boxes):
            assert not any(box.overlaps(other) for other in boxes[i + 1 :]), spec.title


def test_long_captions_wrap_and_count_what_does_not_fit() -> None:
    """A long source list wraps over a few lines and says how many more sources there are."""
    lines = charts.caption_lines(tuple(f"A long title number {i} · Outlet · 2025" for i in range(40)))
    assert len(lines) <= charts.CAPTION_LINES and lines[-1].endswith("more")
    assert all(len(line) <= charts.CAPTION_WIDTH for line in lines)
    wrapped = charts.caption_lines(TWO_SOURCES.sources)
    assert "Vistula Daily · 2025-03-01" in " ".join(" ".join(wrapped).split())  # nothing cut


@settings(max_examples=25, deadline=None)
@given(title=st.text(max_size=300), caption=st.text(max_size=300))
def test_any_text_in_titles_and_captions_draws(title: str, caption: str) -> None:
    """Article titles are user input: any text (RTL, $math$, combining marks, controls, emoji) draws a PNG."""
    png = charts.render_png(charts.ChartSpec(title, US.points, US.target, (caption,)))
    assert pixels(png).size == (charts.WIDTH, charts.HEIGHT)
